package dev.parley.ingress.stream;

import static dev.parley.ingress.stream.StreamHubTest.LIMITS;
import static dev.parley.ingress.stream.StreamHubTest.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import dev.parley.ingress.MutableClock;

/** A worker that takes a request over starts the answer again as a new attempt numbered from 0. */
class StreamTakeoverTest {

    final StreamHub hub = new StreamHub(LIMITS, new MutableClock());

    static StreamEvent delta(long sequence, String text) {
        return new StreamEvent(sequence, new StreamData.Delta(text));
    }

    static StreamEvent done(long sequence) {
        return new StreamEvent(sequence, new StreamData.Done("msg-1", "STOP", "new text", null));
    }

    @Test
    void liveSubscriberSeesResetThenTheNewAttemptWithIncreasingIds() {
        var client = new Recorder();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, "a1", delta(0, "old "));
        hub.publish(REQUEST, "a1", delta(1, "text"));
        hub.publish(REQUEST, "a2", delta(0, "new "));
        hub.publish(REQUEST, "a2", delta(1, "text"));
        hub.publish(REQUEST, "a2", done(2));

        assertThat(client.log).containsExactly("0 delta old ", "1 delta text", "2 reset a2", "3 delta new ",
                "4 delta text", "5 done");
        assertThat(client.completed).isTrue();
    }

    @Test
    void lateSubscriberSeesOnlyTheNewAttempt() {
        hub.publish(REQUEST, "a1", delta(0, "old"));
        hub.publish(REQUEST, "a2", delta(0, "new"));
        hub.publish(REQUEST, "a2", done(1));
        var client = new Recorder();

        hub.subscribe(REQUEST, client, -1);

        assertThat(client.log).containsExactly("2 delta new", "3 done");
        assertThat(client.completed).isTrue();
    }

    @Test
    void resumingClientWithOldTextIsToldToClearIt() {
        hub.publish(REQUEST, "a1", delta(0, "old"));
        hub.publish(REQUEST, "a2", delta(0, "new"));
        var client = new Recorder();

        hub.subscribe(REQUEST, client, 0);

        assertThat(client.log).containsExactly("1 reset a2", "2 delta new");
    }

    @Test
    void eventsOfTheOldAttemptAfterTheTakeoverAreDropped() {
        var client = new Recorder();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, "a1", delta(0, "old"));
        hub.publish(REQUEST, "a2", delta(0, "new"));
        hub.publish(REQUEST, "a1", delta(1, "zombie"));
        hub.publish(REQUEST, "a2", done(1));

        assertThat(client.log).containsExactly("0 delta old", "1 reset a2", "2 delta new", "3 done");
    }

    @Test
    void eventsWithoutAttemptKeepTheirNumbers() {
        var client = new Recorder();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, "", delta(0, "a"));
        hub.publish(REQUEST, "", delta(1, "b"));
        hub.publish(REQUEST, "", done(2));

        assertThat(client.log).containsExactly("0 delta a", "1 delta b", "2 done");
    }

    /** Records deliveries as "id name [text|attempt]". */
    static final class Recorder implements StreamSubscriber {

        final List<String> log = new CopyOnWriteArrayList<>();
        volatile boolean completed;

        @Override
        public boolean send(StreamEvent event) {
            String text = event.data() instanceof StreamData.Delta delta ? " " + delta.text() : "";
            log.add(event.sequence() + " " + event.name() + text);
            return true;
        }

        @Override
        public boolean reset(long sequence, String attemptId) {
            log.add(sequence + " reset " + attemptId);
            return true;
        }

        @Override
        public boolean heartbeat() {
            return true;
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
