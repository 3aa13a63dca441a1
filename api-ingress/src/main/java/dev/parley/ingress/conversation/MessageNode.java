package dev.parley.ingress.conversation;

/**
 * One message's place in its conversation's tree. The conversation keeps these for all its messages, in the
 * order they were stored, so that a branch is found from the conversation document alone and its messages are
 * then read by id: no query over the messages collection, however many messages others have stored.
 *
 * @param parentId as stored on the message: a message id, {@code root} for a first message, or null for messages
 *        from before branches (they follow the message stored just before them)
 */
public record MessageNode(String id, String parentId) {
}
