package dev.parley.ingress.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.ManualExecutor;
import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamEvent;

class SseSubscriberTest {

    /** An emitter that records what would go on the wire, one entry per flush. */
    static final class RecordingEmitter extends SseEmitter {

        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        volatile boolean broken;
        /** Thrown by the next send: a write that failed other than on the connection. */
        volatile RuntimeException failure;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            send(builder.build());
        }

        @Override
        public void send(Set<DataWithMediaType> parts) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            if (failure != null) {
                throw failure;
            }
            StringBuilder text = new StringBuilder();
            parts.forEach(part -> text.append(part.getData()));
            written.add(text.toString());
        }

        @Override
        public void complete() {
            completed = true;
        }
    }

    final RecordingEmitter emitter = new RecordingEmitter();
    final ManualExecutor executor = new ManualExecutor();

    @Test
    void writesQueuedEventsInOrderThenCompletes() {
        var subscriber = new SseSubscriber(emitter, executor, 100);

        subscriber.send(new StreamEvent(0, new StreamData.Delta("Hel")));
        subscriber.heartbeat();
        subscriber.send(new StreamEvent(1, new StreamData.Delta("lo")));
        subscriber.complete();
        assertThat(emitter.written).isEmpty();

        executor.runAll();

        // queued together, flushed together, in order
        assertThat(emitter.written).hasSize(1);
        assertThat(emitter.written.get(0)).containsSubsequence("id:0", "event:delta", "Hel", ":heartbeat", "id:1",
                "lo");
        assertThat(emitter.completed).isTrue();
        assertThat(subscriber.send(new StreamEvent(2, new StreamData.Delta("late")))).isFalse();
    }

    @Test
    void eachWriterRunFlushesWhatItFoundQueuedAndALongBurstEveryFewEvents() {
        var subscriber = new SseSubscriber(emitter, executor, 1000);
        subscriber.send(new StreamEvent(0, new StreamData.Delta("first")));
        executor.runAll();
        for (int sequence = 1; sequence <= 40; sequence++) {
            subscriber.send(new StreamEvent(sequence, new StreamData.Delta("t" + sequence)));
        }
        executor.runAll();

        // the first event alone, then 32 (96 parts), then the 8 left when the queue ran empty
        assertThat(emitter.written).hasSize(3);
        assertThat(emitter.written.get(0)).contains("id:0").doesNotContain("id:1");
        assertThat(emitter.written.get(1)).containsSubsequence("id:1\n", "id:32\n").doesNotContain("id:33");
        assertThat(emitter.written.get(2)).containsSubsequence("id:33", "id:40");
    }

    @Test
    void clientTooFarBehindIsDisconnected() {
        var subscriber = new SseSubscriber(emitter, executor, 2);

        assertThat(subscriber.send(new StreamEvent(0, new StreamData.Delta("a")))).isTrue();
        assertThat(subscriber.send(new StreamEvent(1, new StreamData.Delta("b")))).isTrue();
        assertThat(subscriber.send(new StreamEvent(2, new StreamData.Delta("c")))).isFalse();
        executor.runAll();

        assertThat(emitter.completed).isTrue();
        assertThat(emitter.written).isEmpty();
    }

    @Test
    void brokenConnectionEndsTheSubscriber() {
        var subscriber = new SseSubscriber(emitter, executor, 100);
        emitter.broken = true;

        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        executor.runAll();

        assertThat(subscriber.heartbeat()).isFalse();
        // nothing more will be written to it, so nothing would show the container that the client went away
        assertThat(emitter.completed).isTrue();
    }

    /**
     * Spring MVC wraps a write's failure that is no IOException in an IllegalStateException, as it does when the
     * response was already completed. The stream's request must end all the same: the answer's end was handed
     * to this subscriber, so neither an event nor a heartbeat would come to end it.
     */
    @Test
    void aWriteThatFailsOtherwiseStillEndsTheResponse() {
        var subscriber = new SseSubscriber(emitter, executor, 100);
        emitter.failure = new IllegalStateException("Failed to send", new ArrayIndexOutOfBoundsException(3));

        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        subscriber.send(new StreamEvent(1, new StreamData.Done("m1", "STOP", "a", null)));
        subscriber.complete();
        executor.runAll();

        assertThat(emitter.written).isEmpty();
        assertThat(emitter.completed).isTrue();
        assertThat(subscriber.heartbeat()).isFalse();
    }

    @Test
    void aWriteToAnAlreadyCompletedResponseEndsTheSubscriber() {
        var subscriber = chunkSubscriber();
        emitter.failure = new IllegalStateException("ResponseBodyEmitter has already completed");

        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        executor.runAll();

        assertThat(subscriber.send(new StreamEvent(1, new StreamData.Delta("b")))).isFalse();
        assertThat(gone).as("timed out or shut down: not the client's doing").hasValue(0);
    }

    @Test
    void closedSubscriberDropsWhatIsQueued() {
        var subscriber = new SseSubscriber(emitter, executor, 100);
        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));

        subscriber.close();
        executor.runAll();

        assertThat(emitter.written).isEmpty();
        assertThat(subscriber.send(new StreamEvent(1, new StreamData.Delta("b")))).isFalse();
    }

    // --- the /v1 stream's hook for a client that went away --------------------------------------------------

    final java.util.concurrent.atomic.AtomicInteger gone = new java.util.concurrent.atomic.AtomicInteger();

    SseSubscriber chunkSubscriber() {
        return new SseSubscriber(emitter, executor, 100, event -> List.of(SseEmitter.event().data("x")),
                gone::incrementAndGet);
    }

    @Test
    void clientLostMidStreamRunsTheHookOnce() {
        var subscriber = chunkSubscriber();
        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        executor.runAll();
        emitter.broken = true;

        subscriber.send(new StreamEvent(1, new StreamData.Delta("b")));
        subscriber.heartbeat();
        executor.runAll();
        subscriber.clientGone(); // the container's error callback as well

        executor.runAll();
        assertThat(gone).hasValue(1);
    }

    @Test
    void streamThatEndedNormallyRunsNoHook() {
        var subscriber = chunkSubscriber();
        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        subscriber.send(new StreamEvent(1, new StreamData.Done("m1", "STOP", "a", null)));
        subscriber.complete();
        executor.runAll();

        subscriber.close(); // the emitter's completion callback
        executor.runAll();
        assertThat(emitter.completed).isTrue();
        assertThat(gone).hasValue(0);
    }

    @Test
    void clientLostAfterTheAnswerFinishedRunsNoHook() {
        var subscriber = chunkSubscriber();
        emitter.broken = true;

        subscriber.send(new StreamEvent(0, new StreamData.Failure("provider_error", "down")));
        executor.runAll();
        subscriber.clientGone();

        executor.runAll();
        assertThat(gone).hasValue(0);
    }

    @Test
    void slowClientGivenUpRunsNoHook() {
        var subscriber = new SseSubscriber(emitter, executor, 1, event -> List.of(SseEmitter.event().data("x")),
                gone::incrementAndGet);

        subscriber.send(new StreamEvent(0, new StreamData.Delta("a")));
        subscriber.send(new StreamEvent(1, new StreamData.Delta("b")));
        executor.runAll();

        assertThat(emitter.completed).isTrue();
        assertThat(gone).hasValue(0);
    }
}
