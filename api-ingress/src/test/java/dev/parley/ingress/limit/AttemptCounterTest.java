package dev.parley.ingress.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AttemptCounterTest {

    final ManualTime clock = new ManualTime();
    final AttemptCounter counter = new AttemptCounter(3, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15), clock);

    @Test
    void withinTheAllowanceAnAttemptPassesAlsoWhenAParallelOneWasStampedLater() {
        clock.advance(Duration.ofSeconds(10));
        assertThat(counter.tryAcquire("k")).isZero();
        // the next attempt read the clock before the first one stamped the key
        clock.advance(Duration.ofSeconds(-1));

        assertThat(counter.tryAcquire("k")).isZero();
        assertThat(counter.tryAcquire("k")).isZero();
    }

    @Test
    void beyondTheAllowanceAnAttemptWaitsForTheDelayAfterTheLastOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(counter.tryAcquire("k")).isZero();
        }

        assertThat(counter.tryAcquire("k")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(counter.tryAcquire("k")).isZero();
        assertThat(counter.tryAcquire("k")).isEqualTo(Duration.ofSeconds(2));
    }
}
