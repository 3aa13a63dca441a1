package dev.parley.ingress.webhook;

import java.time.Instant;

/**
 * A finished answer whose request asked for a webhook, as the delivery will describe it.
 *
 * @param status the message status: COMPLETED, FAILED or CANCELLED
 * @param usage null when the worker reported none
 * @param error null unless the answer failed
 */
public record WebhookAnswer(
        String messageId,
        String conversationId,
        String userId,
        String requestId,
        String url,
        String status,
        String model,
        String content,
        String finishReason,
        Usage usage,
        Failure error,
        Instant completedAt) {

    public record Usage(long inputTokens, long outputTokens, long totalTokens, String source) {
    }

    public record Failure(String code, String message) {
    }
}
