package dev.parley.ingress.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.conversation.MessageNode;

/** Where an exchange's messages go in the conversation's tree, written with one insert and one tree update. */
class ExchangesTest {

    static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    static final ConversationDocument CONVERSATION = new ConversationDocument("c1", "u1", null, null, false,
            Instant.EPOCH, Instant.EPOCH);
    static final Exchanges.Answer SETTINGS = new Exchanges.Answer("r1", "mock-1", "mock", "p1", 3,
            "https://hooks.example/x", 0.5, 1024);

    final MessageRepository messages = mock(MessageRepository.class);
    final MessageQueries queries = mock(MessageQueries.class);
    final ConversationService conversations = mock(ConversationService.class);
    final PendingAnswers pending = new PendingAnswers();
    final Exchanges exchanges = new Exchanges(messages, queries, conversations, pending,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aNewQuestionAndItsPendingAnswerAreStoredTogetherAndTheAnswerBecomesTheLeaf() {
        var exchange = exchanges.store(CONVERSATION, Turn.under("a0"), new Exchanges.Question("Hello", List.of()),
                SETTINGS);

        MessageDocument question = exchange.question();
        MessageDocument answer = exchange.answer();
        assertThat(question.parentId()).isEqualTo("a0");
        assertThat(question.requestId()).isEqualTo("r1");
        assertThat(answer.parentId()).isEqualTo(question.id());
        assertThat(answer.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(answer).extracting(MessageDocument::promptId, MessageDocument::promptVersion,
                MessageDocument::webhookUrl, MessageDocument::temperature, MessageDocument::maxTokens)
                .containsExactly("p1", 3, "https://hooks.example/x", 0.5, 1024);
        verify(messages).insert(List.of(question, answer));
        verify(conversations).recordMessages("u1", "c1", List.of(new MessageNode(question.id(), "a0"),
                new MessageNode(answer.id(), question.id())), answer.id());
        assertThat(pending.take("u1", "c1", answer.id())).contains(answer);
    }

    @Test
    void anotherAnswerToAStoredQuestionStoresOnlyTheAnswer() {
        MessageDocument asked = MessageTreeTest.message("q1", MessageRole.USER, MessageTree.ROOT);

        var exchange = exchanges.store(CONVERSATION, Turn.answerTo(asked), new Exchanges.Question("q1", List.of()),
                SETTINGS);

        assertThat(exchange.question()).isSameAs(asked);
        assertThat(exchange.answer().parentId()).isEqualTo("q1");
        verify(messages).insert(List.of(exchange.answer()));
    }

    @Test
    void aNoteContinuesTheCurrentBranch() {
        var conversation = new ConversationDocument("c1", "u1", null, null, false, Instant.EPOCH, Instant.EPOCH,
                null, "a1", null, List.of(new MessageNode("q1", "root"), new MessageNode("a1", "q1")));
        given(queries.tree(conversation)).willReturn(new MessageTree(conversation.nodes()));

        MessageDocument note = exchanges.note(conversation, new Exchanges.Question("For later", List.of()));

        assertThat(note.parentId()).isEqualTo("a1");
        assertThat(note.status()).isEqualTo(MessageStatus.COMPLETED);
        var leaf = ArgumentCaptor.forClass(String.class);
        verify(conversations).recordMessages(eq("u1"), eq("c1"), eq(List.of(new MessageNode(note.id(), "a1"))),
                leaf.capture());
        assertThat(leaf.getValue()).isEqualTo(note.id());
    }
}
