package dev.parley.ingress.summary;

/**
 * The accepted summary request, shaped like an accepted message plus the conversation that holds it.
 *
 * @param messageId the assistant message that will hold the summary
 * @param streamUrl where the summary streams as Server-Sent Events
 */
record UsageSummaryResponse(String messageId, String userMessageId, String requestId, String streamUrl,
        String conversationId) {
}
