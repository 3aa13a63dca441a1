package dev.parley.ingress.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.conversation.ConversationDeleted;

/** The answers a stream request may follow without reading them: its owner's, in its conversation, once, lately. */
class PendingAnswersTest {

    final AtomicLong nanos = new AtomicLong();
    final PendingAnswers pending = new PendingAnswers(nanos::get);
    final MessageDocument answer = MessageTreeTest.message("a1", MessageRole.ASSISTANT, "q1");

    @Test
    void theOwnersStreamTakesItOnceThenReadsAsBefore() {
        pending.add(answer);

        assertThat(pending.take("u1", "c1", "a1")).contains(answer);
        assertThat(pending.take("u1", "c1", "a1")).isEmpty();
    }

    @Test
    void anotherUserOrConversationNeitherGetsNorUsesItUp() {
        pending.add(answer);

        assertThat(pending.take("u2", "c1", "a1")).isEmpty();
        assertThat(pending.take("u1", "c2", "a1")).isEmpty();
        assertThat(pending.take("u1", "c1", "other")).isEmpty();
        assertThat(pending.take("u1", "c1", "a1")).contains(answer);
    }

    @Test
    void itIsForgottenAfterTheTtl() {
        pending.add(answer);
        nanos.addAndGet(PendingAnswers.TTL.plus(Duration.ofMillis(1)).toNanos());

        assertThat(pending.take("u1", "c1", "a1")).isEmpty();
    }

    @Test
    void anAnswerWhoseRequestWasNotPublishedIsForgotten() {
        pending.add(answer);
        pending.forget("a1");

        assertThat(pending.take("u1", "c1", "a1")).isEmpty();
    }

    @Test
    void aDeletedConversationsAnswersAreForgotten() {
        pending.add(answer);
        pending.add(MessageTreeTest.message("a2", MessageRole.ASSISTANT, "q2"));

        pending.on(new ConversationDeleted("u1", "c1", List.of()));

        assertThat(pending.take("u1", "c1", "a1")).isEmpty();
        assertThat(pending.take("u1", "c1", "a2")).isEmpty();
    }
}
