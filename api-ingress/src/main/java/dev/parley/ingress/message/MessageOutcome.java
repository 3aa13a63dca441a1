package dev.parley.ingress.message;

import java.time.Instant;

/**
 * The final state of an answer, taken from its terminal stream event.
 *
 * @param sequence the terminal event's stream sequence
 * @param completedAt when the worker emitted the terminal event, so that a redelivery writes the same value
 */
public record MessageOutcome(
        String messageId,
        String requestId,
        String userId,
        MessageStatus status,
        String content,
        String finishReason,
        MessageUsage usage,
        MessageError error,
        long sequence,
        Instant completedAt) {
}
