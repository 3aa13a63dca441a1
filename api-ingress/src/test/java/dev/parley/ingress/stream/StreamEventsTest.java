package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.events.UsageSource;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageError;
import dev.parley.ingress.message.MessageOutcome;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageStatus;
import dev.parley.ingress.message.MessageUsage;

class StreamEventsTest {

    static final TokenUsage USAGE = new TokenUsage(10L, 5L, 0L, 0L, UsageSource.PROVIDER_REPORTED);

    static ChatStreamed streamed(long sequence, Object payload) {
        return new ChatStreamed("r1", "u1", "c1", "m1", sequence, Instant.parse("2025-01-01T00:00:00Z"), payload,
                "attempt-1", "test-worker");
    }

    static MessageDocument answer(MessageStatus status, String content, MessageError error) {
        return new MessageDocument("m1", "c1", "u1", MessageRole.ASSISTANT, content, status, "mock-1", "mock", "r1",
                status == MessageStatus.FAILED ? null : "STOP", new MessageUsage(10, 5, 15, "PROVIDER_REPORTED"),
                error, 4L, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null, null);
    }

    @Test
    void mapsDeltasAndTerminalEventsToSseEvents() {
        assertThat(StreamEvents.from(streamed(0, new TokensGenerated("Hel"))))
                .isEqualTo(new StreamEvent(0, new StreamData.Delta("Hel")));
        assertThat(StreamEvents.from(streamed(2, new ChatCompleted("Hello", FinishReason.STOP, USAGE))))
                .isEqualTo(new StreamEvent(2, new StreamData.Done("m1", "STOP", "Hello",
                        new StreamData.Usage(10, 5, 15, "PROVIDER_REPORTED"))));
        assertThat(StreamEvents.from(streamed(3, new ChatFailed("provider_unavailable", "down", "He", USAGE))).name())
                .isEqualTo("error");
    }

    @Test
    void onlyTerminalEventsBecomeOutcomes() {
        assertThat(StreamEvents.outcome(streamed(0, new TokensGenerated("x")))).isEmpty();

        MessageOutcome cancelled = StreamEvents
                .outcome(streamed(3, new ChatCompleted("He", FinishReason.CANCELLED, USAGE))).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(cancelled.usage()).isEqualTo(new MessageUsage(10, 5, 15, "PROVIDER_REPORTED"));
        assertThat(cancelled.completedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));

        MessageOutcome failed = StreamEvents
                .outcome(streamed(3, new ChatFailed("provider_unavailable", "down", "He", USAGE))).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.content()).isEqualTo("He");
        assertThat(failed.error()).isEqualTo(new MessageError("provider_unavailable", "down"));
    }

    @Test
    void finishedAnswerReplaysAsOneDeltaAndItsTerminalEvent() {
        List<StreamEvent> events = StreamEvents.replay(answer(MessageStatus.COMPLETED, "Hello", null), -1);

        assertThat(events).extracting(StreamEvent::name).containsExactly("delta", "done");
        assertThat(events).extracting(StreamEvent::sequence).containsExactly(3L, 4L);
        assertThat(events.get(0).data()).isEqualTo(new StreamData.Delta("Hello"));
    }

    @Test
    void resumingClientGetsOnlyTheTerminalEventWithItsStoredId() {
        MessageDocument failed = answer(MessageStatus.FAILED, "He", new MessageError("provider_unavailable", "down"));

        assertThat(StreamEvents.replay(failed, 2))
                .containsExactly(new StreamEvent(4, new StreamData.Failure("provider_unavailable", "down")));
        assertThat(StreamEvents.replay(failed, 0)).extracting(StreamEvent::sequence).containsExactly(4L);
    }

    @Test
    void resumingClientAlwaysGetsTheTerminalEventAboveItsLastEventId() {
        // after a takeover the client's ids were renumbered past the worker's stored terminal sequence (4)
        MessageDocument done = answer(MessageStatus.COMPLETED, "Hello", null);

        assertThat(StreamEvents.replay(done, 3)).extracting(StreamEvent::sequence).containsExactly(4L);
        assertThat(StreamEvents.replay(done, 4)).extracting(StreamEvent::sequence).containsExactly(5L);
        List<StreamEvent> renumbered = StreamEvents.replay(done, 9);
        assertThat(renumbered).extracting(StreamEvent::sequence).containsExactly(10L);
        assertThat(renumbered.getFirst().data()).isEqualTo(new StreamData.Done("m1", "STOP", "Hello",
                new StreamData.Usage(10, 5, 15, "PROVIDER_REPORTED")));
    }

    @Test
    void newClientOfAnAnswerWithoutTextGetsOnlyTheTerminalEvent() {
        List<StreamEvent> events = StreamEvents.replay(answer(MessageStatus.CANCELLED, "", null), -1);

        assertThat(events).extracting(StreamEvent::name).containsExactly("done");
        assertThat(events).extracting(StreamEvent::sequence).containsExactly(4L);
    }
}
