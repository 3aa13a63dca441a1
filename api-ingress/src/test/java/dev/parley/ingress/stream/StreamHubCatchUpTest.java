package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import dev.parley.ingress.MutableClock;

/** Events read while catching up carry their record's time: what finished long ago is not held again. */
class StreamHubCatchUpTest {

    static final String REQUEST = "req-1";
    static final StreamHub.Limits LIMITS = StreamHubTest.LIMITS;

    final MutableClock clock = new MutableClock();
    final StreamHub hub = new StreamHub(LIMITS, clock);

    Instant ago(Duration duration) {
        return clock.instant().minus(duration);
    }

    @Test
    void requestThatFinishedBeforeTheRetentionIsDroppedAtOnce() {
        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(Duration.ofMinutes(10)));
        assertThat(hub.size()).isEqualTo(1);

        hub.publish(REQUEST, "a1", StreamHubTest.done(1), ago(Duration.ofMinutes(9)));

        assertThat(hub.size()).isZero();
        assertThat(hub.hasTerminal(REQUEST)).isFalse();
    }

    @Test
    void requestThatFinishedRecentlyIsKeptForWhatRemainsOfItsRetention() {
        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(Duration.ofMinutes(2)));
        hub.publish(REQUEST, "a1", StreamHubTest.done(1), ago(Duration.ofMinutes(2)));
        assertThat(hub.hasTerminal(REQUEST)).isTrue();
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);
        assertThat(client.sequences()).containsExactly(0L, 1L);

        clock.advance(Duration.ofSeconds(59));
        assertThat(hub.evictExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(hub.evictExpired()).isEqualTo(1);
    }

    @Test
    void answerStillInProgressIsRebuiltFromItsFirstEventAndContinuesLive() {
        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(Duration.ofMinutes(1)));
        hub.publish(REQUEST, "a1", StreamHubTest.delta(1), ago(Duration.ofSeconds(30)));
        var client = new RecordingSubscriber();

        hub.subscribe(REQUEST, client, -1);
        hub.publish(REQUEST, "a1", StreamHubTest.delta(2), clock.instant());
        hub.publish(REQUEST, "a1", StreamHubTest.done(3), clock.instant());

        assertThat(client.sequences()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(client.completed).isTrue();
    }

    @Test
    void silentRequestOlderThanTheIdleRetentionIsNotHeld() {
        // its worker died long ago and nobody else took it over
        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(LIMITS.idleRetention().plusSeconds(1)));

        assertThat(hub.size()).isZero();
    }

    @Test
    void oldEventDoesNotMakeAWatchedRequestLookIdle() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(LIMITS.idleRetention().plusMinutes(1)));
        clock.advance(LIMITS.idleRetention().minusSeconds(1));

        assertThat(hub.evictExpired()).isZero();
        assertThat(client.sequences()).containsExactly(0L);
        assertThat(client.completed).isFalse();
    }

    @Test
    void watchedRequestThatFinishedLongAgoStillDeliversItsEndToTheClient() {
        var client = new RecordingSubscriber();
        hub.subscribe(REQUEST, client, -1);

        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), ago(Duration.ofMinutes(10)));
        hub.publish(REQUEST, "a1", StreamHubTest.done(1), ago(Duration.ofMinutes(10)));

        assertThat(client.sequences()).containsExactly(0L, 1L);
        assertThat(client.completed).isTrue();
        assertThat(hub.size()).isZero();
    }

    @Test
    void timeAheadOfThisInstanceCountsAsNow() {
        hub.publish(REQUEST, "a1", StreamHubTest.delta(0), clock.instant().plus(Duration.ofHours(1)));
        hub.publish(REQUEST, "a1", StreamHubTest.done(1), clock.instant().plus(Duration.ofHours(1)));

        clock.advance(LIMITS.retention());

        assertThat(hub.evictExpired()).isEqualTo(1);
    }
}
