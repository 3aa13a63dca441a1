package dev.parley.ingress.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class AttemptCounterTest {

    /** A clock whose readings parallel threads may report out of order. */
    static final class Clock implements TimeMeter {

        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final Clock clock = new Clock();
    final AttemptCounter counter = new AttemptCounter(3, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15), clock);

    @Test
    void withinTheAllowanceAnAttemptPassesAlsoWhenAParallelOneWasStampedLater() {
        clock.nanos = Duration.ofSeconds(10).toNanos();
        assertThat(counter.tryAcquire("k")).isZero();
        // the next attempt read the clock before the first one stamped the key
        clock.nanos = Duration.ofSeconds(9).toNanos();

        assertThat(counter.tryAcquire("k")).isZero();
        assertThat(counter.tryAcquire("k")).isZero();
    }

    @Test
    void beyondTheAllowanceAnAttemptWaitsForTheDelayAfterTheLastOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(counter.tryAcquire("k")).isZero();
        }

        assertThat(counter.tryAcquire("k")).isEqualTo(Duration.ofSeconds(1));
        clock.nanos += Duration.ofSeconds(1).toNanos();
        assertThat(counter.tryAcquire("k")).isZero();
        assertThat(counter.tryAcquire("k")).isEqualTo(Duration.ofSeconds(2));
    }
}
