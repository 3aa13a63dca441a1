package dev.parley.ingress.message;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.ingress.webhook.WebhookAnswer;
import dev.parley.ingress.webhook.WebhookDeliveries;

/**
 * Finishes assistant messages. Each write sets every final field of one document, so that a redelivered
 * terminal event rewrites the same values instead of adding to them. An answer whose request asked for a webhook
 * then gets its delivery (once, however often the event is stored).
 */
@Service
public class MessageOutcomes {

    static final String PUBLISH_FAILED = "publish_failed";

    private static final Logger log = LoggerFactory.getLogger(MessageOutcomes.class);

    private final MongoTemplate mongo;
    private final WebhookDeliveries webhooks;
    private final PendingAnswers pending;
    private final Clock clock;

    MessageOutcomes(MongoTemplate mongo, WebhookDeliveries webhooks, PendingAnswers pending, Clock clock) {
        this.mongo = mongo;
        this.webhooks = webhooks;
        this.pending = pending;
        this.clock = clock;
    }

    public void record(MessageOutcome outcome) {
        Query answer = Query.query(Criteria.where("id").is(outcome.messageId())
                .and("requestId").is(outcome.requestId())
                .and("userId").is(outcome.userId())
                .and("role").is(MessageRole.ASSISTANT));
        Update update = new Update()
                .set("status", outcome.status())
                .set("content", outcome.content())
                .set("finishReason", outcome.finishReason())
                .set("usage", outcome.usage())
                .set("error", outcome.error())
                .set("terminalSequence", outcome.sequence())
                .set("completedAt", outcome.completedAt());
        MessageDocument stored = mongo.findAndModify(answer, update, FindAndModifyOptions.options().returnNew(true),
                MessageDocument.class);
        if (stored == null) {
            log.warn("No assistant message {} for request {}; terminal event ignored", outcome.messageId(),
                    outcome.requestId());
        } else if (stored.webhookUrl() != null) {
            webhooks.schedule(webhookAnswer(stored));
        }
    }

    /** The request never reached Kafka, so no worker will ever answer it. */
    public void publishFailed(MessageDocument answer) {
        pending.forget(answer.id());
        Query pending = Query.query(Criteria.where("id").is(answer.id())
                .and("userId").is(answer.userId())
                .and("status").is(MessageStatus.PENDING));
        Update update = new Update()
                .set("status", MessageStatus.FAILED)
                .set("error", new MessageError(PUBLISH_FAILED, "The request could not be queued; send it again"))
                .set("completedAt", clock.instant())
                // the client got the failure as its answer: no webhook will follow
                .unset("webhookUrl");
        mongo.updateFirst(pending, update, MessageDocument.class);
    }

    private static WebhookAnswer webhookAnswer(MessageDocument answer) {
        MessageUsage usage = answer.usage();
        MessageError error = answer.error();
        return new WebhookAnswer(answer.id(), answer.conversationId(), answer.userId(), answer.requestId(),
                answer.webhookUrl(), answer.status().name(), answer.model(), answer.content(), answer.finishReason(),
                usage == null ? null : new WebhookAnswer.Usage(usage.inputTokens(), usage.outputTokens(),
                        usage.totalTokens(), usage.source()),
                error == null ? null : new WebhookAnswer.Failure(error.code(), error.message()),
                answer.completedAt());
    }
}
