package dev.parley.worker.stream;

/**
 * Whose answer a stream carries: the ids every {@code ChatStreamed} event repeats.
 *
 * @param attemptId fresh for every processing run of the request: a worker taking the request over after a
 *        crash starts its own stream from sequence 0, and readers tell the runs apart by this id
 */
public record StreamTarget(String requestId, String userId, String conversationId, String messageId,
        String attemptId) {
}
