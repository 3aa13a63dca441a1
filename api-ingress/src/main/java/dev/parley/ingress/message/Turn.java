package dev.parley.ingress.message;

import java.util.List;

/**
 * Where a new exchange goes in the conversation's tree: a new question under {@code questionParentId}
 * (null: after the newest message, as before branches), or only a new answer to an existing question.
 */
public record Turn(String questionParentId, MessageDocument existingQuestion) {

    /** A new question that continues the branch. */
    public static Turn after(List<MessageDocument> branch) {
        return new Turn(branch.isEmpty() ? MessageTree.ROOT : branch.getLast().id(), null);
    }

    /** A new question as a sibling of another, e.g. an edited one; null parent: a first message. */
    public static Turn under(String parentId) {
        return new Turn(parentId == null ? MessageTree.ROOT : parentId, null);
    }

    /** Another answer to a question that is already stored. */
    public static Turn answerTo(MessageDocument question) {
        return new Turn(null, question);
    }

    /** A new question after the newest message stored. */
    public static Turn newest() {
        return new Turn(null, null);
    }
}
