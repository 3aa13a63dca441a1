package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageStatus;
import dev.parley.ingress.message.PendingAnswers;
import dev.parley.ingress.MutableClock;

/** Following an answer: one this instance just stored needs no read; any other is read and checked as before. */
class AnswerFeedTest {

    final MutableClock clock = new MutableClock();
    final StreamHub hub = new StreamHub(StreamHubTest.LIMITS, clock);
    final MessageQueries queries = mock(MessageQueries.class);
    final PendingAnswers pending = mock(PendingAnswers.class);
    final AnswerFeed feed = new AnswerFeed(queries, pending, hub);

    static MessageDocument answer(MessageStatus status) {
        return new MessageDocument("a1", "c1", "u1", MessageRole.ASSISTANT, "full text", status, "mock-1", "mock",
                StreamHubTest.REQUEST, "STOP", null, null, 1L, Instant.EPOCH, null, "q1", null, null, null, null,
                null, null);
    }

    @Test
    void aJustStoredAnswerIsFollowedLiveWithoutReadingIt() {
        given(pending.take("u1", "c1", "a1")).willReturn(Optional.of(answer(MessageStatus.PENDING)));
        var client = new RecordingSubscriber();

        feed.follow("u1", "c1", "a1", -1, requestId -> client);
        hub.publish(StreamHubTest.REQUEST, StreamHubTest.delta(0));
        hub.publish(StreamHubTest.REQUEST, StreamHubTest.done(1));

        verify(queries, never()).requireOwnedAnswer("u1", "c1", "a1");
        assertThat(client.sequences()).containsExactly(0L, 1L);
        assertThat(client.completed).isTrue();
    }

    @Test
    void otherwiseTheStoredAnswerIsReadAndAFinishedOneReplayed() {
        given(pending.take("u1", "c1", "a1")).willReturn(Optional.empty());
        given(queries.requireOwnedAnswer("u1", "c1", "a1")).willReturn(answer(MessageStatus.COMPLETED));
        var client = new RecordingSubscriber();

        feed.follow("u1", "c1", "a1", -1, requestId -> client);

        assertThat(client.events).extracting(StreamEvent::name).containsExactly("delta", "done");
        assertThat(client.completed).isTrue();
    }
}
