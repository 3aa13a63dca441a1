package dev.parley.ingress.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The webhook of an answer, as its message shows it.
 *
 * @param status {@code WAITING} (the answer is still running), {@code PENDING} (being delivered, or a retry is
 *        due at {@code nextAttemptAt}), {@code DELIVERED}, {@code FAILED} (given up), or {@code EXPIRED} (the
 *        delivery record was removed after its retention)
 * @param lastError why the last attempt did not succeed: the receiver's status and the start of its answer, a
 *        timeout, a network failure or a refused address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookStatus(
        String url,
        String status,
        Integer attempts,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    static final String WAITING = "WAITING";
    static final String EXPIRED = "EXPIRED";

    /** An answer that asked for a webhook but has no delivery (yet, or any more). */
    public static WebhookStatus withoutDelivery(String url, boolean answerFinished) {
        return answerFinished ? new WebhookStatus(url, EXPIRED, null, null, null, null, null, null)
                : new WebhookStatus(url, WAITING, 0, null, null, null, null, null);
    }

    static WebhookStatus of(WebhookDeliveryDocument delivery) {
        boolean pending = delivery.status() == DeliveryStatus.PENDING;
        return new WebhookStatus(delivery.answer().url(), delivery.status().name(), delivery.attempts(),
                delivery.lastAttemptAt(), delivery.lastStatusCode(), delivery.lastError(),
                pending ? delivery.nextAttemptAt() : null, delivery.deliveredAt());
    }
}
