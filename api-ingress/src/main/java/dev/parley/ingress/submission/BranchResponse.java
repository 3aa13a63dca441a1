package dev.parley.ingress.submission;

/** @param currentLeafId the last message of the conversation's current branch */
record BranchResponse(String conversationId, String currentLeafId) {
}
