package dev.parley.ingress.limit;

import java.time.Clock;

import jakarta.annotation.PostConstruct;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageStatus;

/**
 * Counts a user's answers in progress from the stored messages rather than in memory, so that the count holds
 * across instances and restarts. Answers older than the configured TTL are left out: one whose end was lost
 * must not block its user for good.
 */
@Component
class PendingAnswers {

    private final MongoTemplate mongo;
    private final LimitProperties properties;
    private final Clock clock;

    PendingAnswers(MongoTemplate mongo, LimitProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    // the message documents index conversations, not users: this count needs its own index
    @PostConstruct
    void ensureIndex() {
        mongo.indexOps(MessageDocument.class).createIndex(new Index().named("userId_status_createdAt")
                .on("userId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC));
    }

    long count(String userId) {
        Query pending = Query.query(Criteria.where("userId").is(userId)
                .and("role").is(MessageRole.ASSISTANT)
                .and("status").is(MessageStatus.PENDING)
                .and("createdAt").gt(clock.instant().minus(properties.pendingAnswerTtl())));
        return mongo.count(pending, MessageDocument.class);
    }
}
