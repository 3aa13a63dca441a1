package dev.parley.ingress.message;

/**
 * @param messageId the assistant message that will hold the answer
 * @param userMessageId the stored question
 * @param streamUrl where the answer streams as Server-Sent Events
 */
record MessageAcceptedResponse(String messageId, String userMessageId, String requestId, String streamUrl) {
}
