package dev.parley.ingress.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessageTreeTest {

    static MessageDocument message(String id, MessageRole role, String parentId) {
        return new MessageDocument(id, "c1", "u1", role, id, MessageStatus.COMPLETED, "mock-1", "mock", "r", null,
                null, null, null, Instant.EPOCH, null, parentId, null, null, null, null, null, null);
    }

    static List<String> ids(List<String> ids) {
        return ids;
    }

    static MessageTree tree(MessageDocument... messages) {
        return new MessageTree(Stream.of(messages).map(MessageTree::nodeOf).toList());
    }

    @Test
    void messagesWithoutParentsFormOneLinearBranchInStoredOrder() {
        var tree = tree(message("q1", MessageRole.USER, null),
                message("a1", MessageRole.ASSISTANT, null), message("q2", MessageRole.USER, null));

        assertThat(ids(tree.branch(null))).containsExactly("q1", "a1", "q2");
        assertThat(tree.parentOf("q1")).isNull();
        assertThat(tree.parentOf("a1")).isEqualTo("q1");
        assertThat(tree.isLeaf("q2")).isTrue();
        assertThat(tree.isLeaf("a1")).isFalse();
    }

    @Test
    void anEditedQuestionStartsASiblingBranchAndBothStayReachable() {
        var tree = tree(
                message("q1", MessageRole.USER, MessageTree.ROOT),
                message("a1", MessageRole.ASSISTANT, "q1"),
                message("q2", MessageRole.USER, "a1"),
                message("a2", MessageRole.ASSISTANT, "q2"),
                message("q2b", MessageRole.USER, "a1"),
                message("a2b", MessageRole.ASSISTANT, "q2b"));

        assertThat(ids(tree.branch("a2b"))).containsExactly("q1", "a1", "q2b", "a2b");
        assertThat(ids(tree.branch("a2"))).containsExactly("q1", "a1", "q2", "a2");
        assertThat(tree.isLeaf("a2")).isTrue();
        assertThat(tree.parentOf("q1")).isNull();
        assertThat(ids(tree.all())).hasSize(6);
    }

    @Test
    void aRegeneratedAnswerIsASiblingOfTheOldOne() {
        var tree = tree(
                message("q1", MessageRole.USER, null),
                message("a1", MessageRole.ASSISTANT, null),
                message("a1b", MessageRole.ASSISTANT, "q1"));

        assertThat(ids(tree.branch("a1b"))).containsExactly("q1", "a1b");
        assertThat(ids(tree.branch("a1"))).containsExactly("q1", "a1");
    }

    @Test
    void anUnknownLeafFallsBackToTheNewestMessagesBranch() {
        var tree = tree(message("q1", MessageRole.USER, MessageTree.ROOT),
                message("a1", MessageRole.ASSISTANT, "q1"));

        assertThat(ids(tree.branch("gone"))).containsExactly("q1", "a1");
        assertThat(tree().branch(null)).isEmpty();
        assertThat(tree.contains("gone")).isFalse();
    }
}
