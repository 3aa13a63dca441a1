package dev.parley.ingress.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One answer's webhook delivery, with the answer as it was when it finished, so that retries send the same body.
 *
 * @param id the assistant message id: one delivery per answer, however often its terminal event is stored
 * @param deliveryId sent as {@code Parley-Webhook-Id}, the same in every attempt, for receivers to deduplicate
 * @param attempts POSTs made so far
 * @param nextAttemptAt when a PENDING delivery is due
 * @param leaseUntil until when the instance that claimed the delivery owns its current attempt; in the past when
 *        nobody does
 * @param leaseId the claim's random id: only its holder may record the attempt's outcome
 * @param finishedAt when it became DELIVERED or FAILED, for the retention sweep
 */
@Document("webhook_deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "status_nextAttemptAt", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "status_finishedAt", def = "{'status': 1, 'finishedAt': 1}")})
record WebhookDeliveryDocument(
        @Id String id,
        String deliveryId,
        String userId,
        WebhookAnswer answer,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String leaseId,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant finishedAt,
        Instant createdAt) {

    static WebhookDeliveryDocument due(String deliveryId, WebhookAnswer answer, Instant now) {
        return new WebhookDeliveryDocument(answer.messageId(), deliveryId, answer.userId(), answer,
                DeliveryStatus.PENDING, 0, now, now, null, null, null, null, null, null, now);
    }
}
