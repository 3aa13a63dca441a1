package dev.parley.worker.stream;

/** Whose answer a stream carries: the ids every {@code ChatStreamed} event repeats. */
public record StreamTarget(String requestId, String userId, String conversationId, String messageId) {
}
