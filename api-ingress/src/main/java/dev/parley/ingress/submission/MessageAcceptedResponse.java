package dev.parley.ingress.submission;

/**
 * Fields that do not apply are left out: a message stored without an answer has only {@code userMessageId}.
 *
 * @param messageId the assistant message that will hold the answer
 * @param userMessageId the stored question
 * @param streamUrl where the answer streams as Server-Sent Events
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
record MessageAcceptedResponse(String messageId, String userMessageId, String requestId, String streamUrl) {
}
