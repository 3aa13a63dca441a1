package dev.parley.ingress.conversation;

import java.util.List;

/**
 * A user deleted a conversation that held files; published synchronously after the delete, so that the files
 * are gone when the delete answers.
 */
public record ConversationDeleted(String userId, String conversationId, List<String> attachmentIds) {
}
