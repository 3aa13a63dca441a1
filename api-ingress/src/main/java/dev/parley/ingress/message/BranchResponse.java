package dev.parley.ingress.message;

/** @param currentLeafId the last message of the conversation's current branch */
record BranchResponse(String conversationId, String currentLeafId) {
}
