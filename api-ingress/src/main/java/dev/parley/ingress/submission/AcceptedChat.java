package dev.parley.ingress.submission;

import java.time.Instant;

/**
 * A request the broker has acknowledged.
 *
 * @param messageId the assistant message that will hold the answer
 * @param questionId the stored user message
 * @param model the model the request runs on
 */
public record AcceptedChat(String requestId, String conversationId, String messageId, String questionId,
        String model, Instant acceptedAt) {
}
