package dev.parley.ingress.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook_deliveries} collection. Every step is one atomic single-document write: the store has no
 * transactions, and instances coordinate only through these conditional updates.
 */
@Component
class DeliveryStore {

    private final MongoTemplate mongo;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** False when the answer already has a delivery: its terminal event was stored before. */
    boolean insert(WebhookDeliveryDocument delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    /**
     * Claims the delivery due longest, if any, for one attempt: nobody else can claim it until the lease runs out,
     * which happens only if this instance dies or hangs during the attempt. Deliveries of {@code skippedUsers} are
     * left for later.
     */
    Optional<WebhookDeliveryDocument> claim(Instant now, Duration lease, String leaseId, Set<String> skippedUsers) {
        Criteria dueNow = Criteria.where("status").is(DeliveryStatus.PENDING)
                .and("nextAttemptAt").lte(now)
                .and("leaseUntil").lte(now);
        if (!skippedUsers.isEmpty()) {
            dueNow = dueNow.and("userId").nin(skippedUsers);
        }
        Query due = Query.query(dueNow).with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("leaseUntil", now.plus(lease)).set("leaseId", leaseId);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                WebhookDeliveryDocument.class));
    }

    /** Records an attempt's outcome and ends the lease; false when the lease was lost to another instance. */
    boolean recordAttempt(WebhookDeliveryDocument claimed, AttemptResult result, AttemptPolicy.Next next,
            Instant now) {
        Query held = Query.query(Criteria.where("id").is(claimed.id()).and("leaseId").is(claimed.leaseId()));
        Update update = new Update()
                .inc("attempts", 1)
                .set("status", next.status())
                .set("lastAttemptAt", now)
                .set("lastStatusCode", result.statusCode())
                .set("lastError", next.error())
                .set("leaseUntil", now)
                .unset("leaseId");
        if (next.status() == DeliveryStatus.PENDING) {
            update.set("nextAttemptAt", next.nextAttemptAt());
        } else {
            update.set("finishedAt", now);
        }
        if (next.status() == DeliveryStatus.DELIVERED) {
            update.set("deliveredAt", now);
        }
        return mongo.updateFirst(held, update, WebhookDeliveryDocument.class).getMatchedCount() > 0;
    }

    /** The user's deliveries of these answers; nothing of other users. */
    List<WebhookDeliveryDocument> find(String userId, Collection<String> messageIds) {
        return mongo.find(Query.query(Criteria.where("id").in(messageIds).and("userId").is(userId)),
                WebhookDeliveryDocument.class);
    }

    long countPending() {
        return mongo.count(Query.query(Criteria.where("status").is(DeliveryStatus.PENDING)),
                WebhookDeliveryDocument.class);
    }

    /** Removes delivered and failed deliveries that finished before the instant. */
    long removeFinishedBefore(Instant before) {
        return mongo.remove(Query.query(Criteria.where("status").in(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)
                .and("finishedAt").lt(before)), WebhookDeliveryDocument.class).getDeletedCount();
    }
}
