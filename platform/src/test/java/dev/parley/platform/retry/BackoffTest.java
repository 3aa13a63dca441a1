package dev.parley.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void equalJitterKeepsHalfTheDelayAndSpreadsTheOtherHalf() {
        assertThat(backoff.withEqualJitter(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.withEqualJitter(2, 0.5)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(backoff.withEqualJitter(2, 0.999_999)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.withEqualJitter(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aZeroInitialDelayStaysZero() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).delay(5)).isZero();
    }

    @Test
    void theMaximumWinsOverALargerInitialDelay() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(8)).delay(1)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void refusesNegativeDelays() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
