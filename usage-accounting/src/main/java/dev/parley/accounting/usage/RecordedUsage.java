package dev.parley.accounting.usage;

import java.time.Instant;

/**
 * A provider call's usage as accounting sees it, checked on construction so that an event that can never be
 * applied fails before anything is written.
 *
 * @param conversationId may be null (calls outside a conversation)
 * @param source {@code PROVIDER_REPORTED} or {@code ESTIMATED}
 * @param outcome {@code COMPLETED}, {@code CANCELLED} or {@code FAILED}
 * @param reservation the request's reservation as admitted, or null when the event carries none
 */
record RecordedUsage(
        String eventId,
        String requestId,
        String userId,
        String conversationId,
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        long cachedInputTokens,
        long reasoningTokens,
        String source,
        String outcome,
        boolean ownKey,
        Instant recordedAt,
        Held reservation) {

    /** Where the request's credits were reserved, and how many. */
    record Held(String accountId, long amount) {

        Held {
            requireText(accountId, "reservation.accountId");
            requireNotNegative(amount, "reservation.amount");
        }
    }

    RecordedUsage {
        requireText(eventId, "eventId");
        requireText(requestId, "requestId");
        requireText(userId, "userId");
        requireText(provider, "provider");
        requireText(model, "model");
        requireNotNegative(inputTokens, "inputTokens");
        requireNotNegative(outputTokens, "outputTokens");
        requireNotNegative(cachedInputTokens, "cachedInputTokens");
        requireNotNegative(reasoningTokens, "reasoningTokens");
        if (inputTokens > Long.MAX_VALUE - outputTokens) {
            throw new IllegalArgumentException("token total overflows");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
