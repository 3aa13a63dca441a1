package dev.parley.ingress.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageStatus;

class ContextAssemblerTest {

    final ContextAssembler assembler = new ContextAssembler(1_000, 200);

    static MessageDocument message(MessageRole role, MessageStatus status, String content) {
        return new MessageDocument("id-" + content, "c1", "u1", role, content, status, "mock-1", "mock", "r",
                null, null, null, null, Instant.EPOCH, null, null, null, null, null, null, null, null);
    }

    static MessageDocument question(String content) {
        return message(MessageRole.USER, MessageStatus.COMPLETED, content);
    }

    static MessageDocument answer(MessageStatus status, String content) {
        return message(MessageRole.ASSISTANT, status, content);
    }

    @Test
    void newMessageAloneWhenTheConversationIsEmpty() {
        assertThat(assembler.assemble(List.of(), "Hi"))
                .extracting(ChatMessage::getRole, ChatMessage::getContent)
                .containsExactly(tuple(ChatRole.USER, "Hi"));
    }

    @Test
    void projectSystemPromptLeadsAndSurvivesTrimming() {
        var small = new ContextAssembler(30, 200);
        List<MessageDocument> history = List.of(question("x".repeat(20)), answer(MessageStatus.COMPLETED, "y"));

        assertThat(small.assemble("Be brief.", history, "Hi"))
                .extracting(ChatMessage::getRole, ChatMessage::getContent)
                .containsExactly(tuple(ChatRole.SYSTEM, "Be brief."), tuple(ChatRole.USER, "Hi"));
    }

    @Test
    void historyOldestFirstWithCompletedAnswersOnly() {
        List<MessageDocument> history = List.of(
                question("q1"), answer(MessageStatus.COMPLETED, "a1"),
                question("q2"), answer(MessageStatus.FAILED, "partial"),
                question("q3"), answer(MessageStatus.CANCELLED, "cut"),
                question("q4"), answer(MessageStatus.PENDING, ""));

        assertThat(assembler.assemble(history, "q5"))
                .extracting(ChatMessage::getRole, ChatMessage::getContent)
                .containsExactly(
                        tuple(ChatRole.USER, "q1"), tuple(ChatRole.ASSISTANT, "a1"),
                        tuple(ChatRole.USER, "q2"), tuple(ChatRole.USER, "q3"), tuple(ChatRole.USER, "q4"),
                        tuple(ChatRole.USER, "q5"));
    }

    @Test
    void oldestTurnsGoFirstWhenOverBudgetAndTheContextStillOpensWithAQuestion() {
        var small = new ContextAssembler(10, 200);
        List<MessageDocument> history = List.of(
                question("aaaa"), answer(MessageStatus.COMPLETED, "bbbb"),
                question("cccc"), answer(MessageStatus.COMPLETED, "dddd"));

        assertThat(small.assemble(history, "ee"))
                .extracting(ChatMessage::getContent)
                .containsExactly("cccc", "dddd", "ee");

        var tiny = new ContextAssembler(6, 200);
        assertThat(tiny.assemble(history, "ee"))
                .extracting(ChatMessage::getContent)
                .containsExactly("ee");
    }

    @Test
    void onlyTheNewestMessagesUpToTheLimitAreSentWithTheSystemPromptOnTop() {
        var three = new ContextAssembler(1_000, 3);
        List<MessageDocument> history = List.of(
                question("q1"), answer(MessageStatus.COMPLETED, "a1"),
                question("q2"), answer(MessageStatus.COMPLETED, "a2"));

        assertThat(three.assemble("Be brief.", history, "q3"))
                .extracting(ChatMessage::getContent)
                .containsExactly("Be brief.", "q2", "a2", "q3");
        // a limit that would open the context with an answer drops that answer too
        assertThat(new ContextAssembler(1_000, 2).assemble(history, "q3"))
                .extracting(ChatMessage::getContent)
                .containsExactly("q3");
        assertThat(new ContextAssembler(1_000, 1).assemble("Be brief.", history, "q3"))
                .extracting(ChatMessage::getContent)
                .containsExactly("Be brief.", "q3");
    }

    @Test
    void systemMessagesAreKeptAndTheNewMessageNeverDropped() {
        var tiny = new ContextAssembler(3, 200);
        List<MessageDocument> history = List.of(
                message(MessageRole.SYSTEM, MessageStatus.COMPLETED, "be brief"), question("old question"));

        assertThat(tiny.assemble(history, "a very long new question"))
                .extracting(ChatMessage::getRole, ChatMessage::getContent)
                .containsExactly(tuple(ChatRole.SYSTEM, "be brief"), tuple(ChatRole.USER, "a very long new question"));
    }
}
