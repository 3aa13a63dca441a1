package dev.parley.platform.retry;

import java.time.Duration;

/**
 * Exponential backoff, the one schedule Parley retries with: {@code initial} after the first failure, doubling
 * with each further one, never more than {@code max} (which wins when it is below {@code initial}). Retries that
 * many callers may share a failure with (a burst against one provider) spread out with {@link #withEqualJitter}.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("a backoff cannot be negative");
        }
    }

    /** @param failures the failures so far, at least 1 */
    public Duration delay(int failures) {
        Duration delay = initial;
        for (int doubled = 1; doubled < failures && delay.compareTo(max) < 0 && !delay.isZero(); doubled++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /**
     * Half of {@link #delay} fixed, the other half scaled by {@code random}: retries that failed together come back
     * apart, and none sooner than half the delay. Millisecond resolution.
     *
     * @param random a uniform number in [0, 1)
     */
    public Duration withEqualJitter(int failures, double random) {
        long delay = delay(failures).toMillis();
        return Duration.ofMillis(delay / 2 + Math.round(random * (delay / 2.0)));
    }
}
