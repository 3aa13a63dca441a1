package dev.parley.ingress.apikey;

import java.time.Duration;
import java.time.Instant;

/**
 * When to record that a key was used. Writing on every request would turn each authenticated read into a
 * database write; once a minute per key keeps {@code lastUsedAt} useful at a negligible cost.
 */
final class LastUsePolicy {

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Duration interval;

    LastUsePolicy(Duration interval) {
        this.interval = interval;
    }

    boolean due(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || !lastUsedAt.plus(interval).isAfter(now);
    }

    /** Records older than this are stale, so that concurrent requests write at most once per interval. */
    Instant staleBefore(Instant now) {
        return now.minus(interval);
    }
}
