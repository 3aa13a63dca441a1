package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import dev.parley.ingress.MutableClock;

class StreamHubTest {

    static final String REQUEST = "req-1";
    static final StreamHub.Limits LIMITS = new StreamHub.Limits(1000, 1_000_000, Duration.ofMinutes(3),
            Duration.ofMinutes(15));

    final MutableClock clock = new MutableClock();
    final StreamHub hub = new StreamHub(LIMITS, clock);

    static StreamEvent delta(long sequence) {
        return new StreamEvent(sequence, new StreamData.Delta("t" + sequence));
    }

    static StreamEvent done(long sequence) {
        return new StreamEvent(sequence, new StreamData.Done("msg-1", "STOP", "full text",
                new StreamData.Usage(3, 4, 7, "PROVIDER_REPORTED")));
    }

    @Test
    void lateSubscriberGetsBufferedEventsThenLiveOnesThenCompletes() {
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, delta(1));
        var client = new RecordingSubscriber();

        hub.subscribe(REQUEST, client, -1);
        hub.publish(REQUEST, delta(2));
        hub.publish(REQUEST, done(3));

        assertThat(client.sequences()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(client.events.get(3).name()).isEqualTo("done");
        assertThat(client.completed).isTrue();
    }

    @Test
    void subscriberBeforeTheFirstEventGetsEverything() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, done(1));

        assertThat(client.sequences()).containsExactly(0L, 1L);
        assertThat(client.completed).isTrue();
    }

    @Test
    void redeliveredEventsAreNotDoubled() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);

        for (long sequence : new long[] {0, 1, 1, 0, 2}) {
            hub.publish(REQUEST, delta(sequence));
        }
        hub.publish(REQUEST, done(3));
        hub.publish(REQUEST, done(3));

        assertThat(client.sequences()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void lastEventIdSkipsWhatTheClientAlreadyHas() {
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, delta(1));
        hub.publish(REQUEST, delta(2));
        var client = new RecordingSubscriber();

        hub.subscribe(REQUEST, client, 1);
        hub.publish(REQUEST, done(3));

        assertThat(client.sequences()).containsExactly(2L, 3L);
    }

    @Test
    void clientThatAlreadyHasTheTerminalEventIsJustCompleted() {
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, done(1));
        var client = new RecordingSubscriber();

        hub.subscribe(REQUEST, client, 1);

        assertThat(client.events).isEmpty();
        assertThat(client.completed).isTrue();
    }

    @Test
    void finishedStreamReplaysWholeToNewClients() {
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, done(1));
        var first = new RecordingSubscriber();
        var second = new RecordingSubscriber();

        hub.subscribe(REQUEST, first, -1);
        hub.subscribe(REQUEST, second, -1);

        assertThat(hub.hasTerminal(REQUEST)).isTrue();
        assertThat(first.sequences()).containsExactly(0L, 1L);
        assertThat(second.sequences()).containsExactly(0L, 1L);
        assertThat(second.completed).isTrue();
    }

    @Test
    void terminalEventOfARestartedSequenceIsStillDelivered() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, delta(1));

        hub.publish(REQUEST, done(0));

        assertThat(client.sequences()).containsExactly(0L, 1L, 2L);
        assertThat(client.completed).isTrue();
    }

    @Test
    void boundedBufferKeepsTheTerminalEvent() {
        var small = new StreamHub(new StreamHub.Limits(2, 1_000, Duration.ofMinutes(1), Duration.ofMinutes(1)),
                clock);
        for (long sequence = 0; sequence < 5; sequence++) {
            small.publish(REQUEST, delta(sequence));
        }
        small.publish(REQUEST, done(5));
        var late = new RecordingSubscriber();

        small.subscribe(REQUEST, late, -1);

        assertThat(late.sequences()).containsExactly(0L, 1L, 5L);
        assertThat(late.completed).isTrue();
    }

    @Test
    void goneAndUnsubscribedClientsGetNothingMore() {
        var gone = new RecordingSubscriber();
        var leaving = new RecordingSubscriber();
        hub.subscribe(REQUEST, gone, -1);
        hub.subscribe(REQUEST, leaving, -1);
        gone.gone = true;

        hub.unsubscribe(REQUEST, leaving);
        hub.publish(REQUEST, delta(0));
        gone.gone = false;
        hub.publish(REQUEST, delta(1));

        assertThat(gone.events).isEmpty();
        assertThat(leaving.events).isEmpty();
    }

    @Test
    void heartbeatReachesLiveClientsOnly() {
        var live = new RecordingSubscriber();
        var finished = new RecordingSubscriber();
        hub.subscribe(REQUEST, live, -1);
        hub.subscribe("other", finished, -1);
        hub.publish("other", done(0));

        hub.heartbeat();

        assertThat(live.heartbeats).isEqualTo(1);
        assertThat(finished.heartbeats).isZero();
    }

    @Test
    void finishedStreamsAreEvictedAfterTheirRetention() {
        hub.publish(REQUEST, delta(0));
        hub.publish(REQUEST, done(1));

        clock.advance(LIMITS.retention().minusSeconds(1));
        assertThat(hub.evictExpired()).isZero();
        assertThat(hub.hasTerminal(REQUEST)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(hub.evictExpired()).isEqualTo(1);
        assertThat(hub.hasTerminal(REQUEST)).isFalse();
        assertThat(hub.size()).isZero();
    }

    @Test
    void silentUnfinishedStreamsAreEvictedAndTheirClientsCompleted() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);
        hub.publish(REQUEST, delta(0));

        clock.advance(LIMITS.idleRetention());

        assertThat(hub.evictExpired()).isEqualTo(1);
        assertThat(client.completed).isTrue();
    }

    @Test
    void closingAllEndsEveryOpenStream() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);
        hub.publish(REQUEST, delta(0));

        hub.closeAll();

        assertThat(client.completed).isTrue();
        assertThat(hub.size()).isZero();
    }

    @Test
    void concurrentSubscribersNeitherLoseNorDoubleEvents() throws Exception {
        int deltas = 500;
        var start = new CountDownLatch(1);
        var publisher = new Thread(() -> {
            await(start);
            for (long sequence = 0; sequence < deltas; sequence++) {
                hub.publish(REQUEST, delta(sequence));
            }
            hub.publish(REQUEST, done(deltas));
        });
        List<RecordingSubscriber> clients = new ArrayList<>();
        List<Thread> subscribers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var client = new RecordingSubscriber();
            clients.add(client);
            subscribers.add(new Thread(() -> {
                await(start);
                hub.subscribe(REQUEST, client, -1);
            }));
        }
        publisher.start();
        subscribers.forEach(Thread::start);
        start.countDown();
        publisher.join();
        for (Thread subscriber : subscribers) {
            subscriber.join();
        }

        List<Long> all = LongStream.rangeClosed(0, deltas).boxed().toList();
        assertThat(clients).allSatisfy(client -> {
            assertThat(client.sequences()).isEqualTo(all);
            assertThat(client.completed).isTrue();
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
