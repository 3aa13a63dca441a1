package dev.parley.worker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.worker.config.WorkerProperties;

class StreamEmitterTest {

    static final StreamTarget TARGET = new StreamTarget("r-1", "u-1", "c-1", "m-1", "a-1");

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<Long> sequences = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final OpenStreams openStreams = new OpenStreams();
    final ChatStreamPublisher publisher = new ChatStreamPublisher(null, new WorkerProperties(1, Duration.ofSeconds(1),
            new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(50), 0),
            new WorkerProperties.Cancel(Duration.ofMinutes(1), 1),
            Map.of(), Map.of(), "worker-1", Duration.ofMinutes(11))) {
        @Override
        void delta(StreamTarget target, long sequence, String text) {
            sequences.add(sequence);
            sent.add(text);
        }

        @Override
        public CompletableFuture<?> terminal(StreamTarget target, long sequence, Object payload) {
            throw new UnsupportedOperationException();
        }
    };

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void sendsTheFirstDeltaAtOnceAndCoalescesTheRest() {
        var emitter = emitter(Duration.ofHours(1), 10);

        emitter.accept("Hel");
        emitter.accept("lo");
        emitter.accept(", wor");

        assertThat(sent).containsExactly("Hel");
        emitter.accept("ld!");
        assertThat(sent).containsExactly("Hel", "lo, world!");
    }

    @Test
    void finishSendsTheRestAndReturnsTheFullText() {
        var emitter = emitter(Duration.ofHours(1), 1000);
        emitter.accept("a");
        emitter.accept("b");
        emitter.accept("c");

        String text = emitter.finish();

        assertThat(text).isEqualTo("abc");
        assertThat(sent).containsExactly("a", "bc");
        assertThat(sequences).containsExactly(0L, 1L);
        assertThat(emitter.nextSequence()).isEqualTo(2);
    }

    @Test
    void sendsBufferedTextWhenTheProviderFallsSilent() {
        var emitter = emitter(Duration.ofMillis(30), 1000);
        emitter.accept("first");
        emitter.accept(" second");

        await().atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 2);
        assertThat(sent).containsExactly("first", " second");
    }

    @Test
    void ignoresTextAfterFinishAndEmptyDeltas() {
        var emitter = emitter(Duration.ofHours(1), 1000);
        emitter.accept("");
        emitter.accept("only");

        assertThat(emitter.finish()).isEqualTo("only");
        emitter.accept("late");
        assertThat(sent).containsExactly("only");
        assertThat(emitter.nextSequence()).isEqualTo(1);
    }

    @Test
    void anEmptyAnswerEndsAtSequenceZero() {
        var emitter = emitter(Duration.ofHours(1), 1000);

        assertThat(emitter.finish()).isEmpty();
        assertThat(emitter.nextSequence()).isZero();
        assertThat(emitter.timeToFirstText()).isEmpty();
    }

    @Test
    void measuresTheTimeToTheFirstText() {
        var emitter = emitter(Duration.ofHours(1), 1000);
        emitter.accept("x");

        assertThat(emitter.timeToFirstText()).hasValueSatisfying(ttft -> assertThat(ttft).isGreaterThanOrEqualTo(Duration.ZERO));
    }

    @Test
    void countsItselfOpenUntilFinished() {
        var emitter = emitter(Duration.ofHours(1), 1000);
        var other = emitter(Duration.ofHours(1), 1000);
        assertThat(openStreams.count()).isEqualTo(2);

        emitter.finish();
        emitter.finish();
        assertThat(openStreams.count()).isEqualTo(1);

        other.abandon();
        other.finish();
        assertThat(openStreams.count()).isZero();
    }

    @Test
    void anAbandonedStreamSendsNothingMore() {
        var emitter = emitter(Duration.ofMillis(20), 1000);
        emitter.accept("sent");
        emitter.accept(" buffered");

        emitter.abandon();
        emitter.accept(" late");
        emitter.finish();

        // the buffered text's flush was due after 20 ms; it was cancelled with the stream
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 1);
        assertThat(sent).containsExactly("sent");
    }

    @Test
    void holdsTextLongerWhileManyAnswersStream() {
        // no interval of its own: alone at one event a second, each of four open streams may wait 4 s
        var busy = new CoalescingPolicy(Duration.ZERO, 1000, Duration.ofHours(1), 1);
        var emitter = new StreamEmitter(TARGET, publisher, busy, timer, openStreams);
        for (int i = 0; i < 3; i++) {
            emitter(Duration.ZERO, 1000);
        }
        emitter.accept("first");
        emitter.accept(" second");
        assertThat(sent).containsExactly("first");

        var unbusy = new StreamEmitter(TARGET, publisher, new CoalescingPolicy(Duration.ZERO, 1000), timer, openStreams);
        unbusy.accept("a");
        unbusy.accept("b");
        assertThat(sent).containsExactly("first", "a", "b");
    }

    private StreamEmitter emitter(Duration interval, int maxChars) {
        return new StreamEmitter(TARGET, publisher, new CoalescingPolicy(interval, maxChars), timer, openStreams);
    }
}
