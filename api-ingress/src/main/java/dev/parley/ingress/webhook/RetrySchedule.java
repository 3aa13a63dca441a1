package dev.parley.ingress.webhook;

import java.time.Duration;
import java.util.List;

/**
 * When to try a delivery again: the configured delays in turn (the last one repeats), each spread by a random
 * jitter so that deliveries that failed together do not come back together. A receiver's {@code Retry-After}
 * postpones the retry, up to a cap, but never brings it forward.
 */
final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;

    /** @param jitter the share of a delay by which it may move either way, 0..1 */
    RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one retry delay is needed");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first)
     * @param retryAfter what the receiver asked for, or null
     * @param random a uniform number in [0, 1)
     */
    Duration delay(int failedAttempts, Duration retryAfter, double random) {
        Duration base = delays.get(Math.min(Math.max(failedAttempts, 1), delays.size()) - 1);
        long millis = Math.round(base.toMillis() * (1 + jitter * (2 * random - 1)));
        Duration delay = Duration.ofMillis(Math.max(0, millis));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        return delay;
    }
}
