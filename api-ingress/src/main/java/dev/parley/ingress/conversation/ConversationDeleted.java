package dev.parley.ingress.conversation;

import java.util.List;

/**
 * A user deleted a conversation; published synchronously after the delete, so that its files (if it held any) are
 * gone, and this instance's just-stored answers of it forgotten, when the delete answers.
 */
public record ConversationDeleted(String userId, String conversationId, List<String> attachmentIds) {
}
