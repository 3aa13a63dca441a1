package dev.parley.ingress.limit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.TimeMeter;

/**
 * Counts attempts per key (an account and address, an address) and spaces them out with growing delays: the first
 * {@code free} attempts within the window pass at once, then each one must wait {@code baseDelay}, doubled for every
 * further attempt, at most {@code maxDelay}, after the one before. An attempt is counted when it is let through,
 * before its outcome is known, in one atomic step per key: parallel attempts cannot all slip past the count. A key
 * nobody tried for a whole window starts over. Keys live in this instance's memory, bounded in number.
 */
final class AttemptCounter {

    private static final long MAX_KEYS = 100_000;

    private final int free;
    private final long baseDelayNanos;
    private final long maxDelayNanos;
    private final long windowNanos;
    private final TimeMeter time;
    private final Cache<String, Attempts> attempts;

    AttemptCounter(int free, Duration baseDelay, Duration maxDelay, Duration window, TimeMeter time) {
        this.free = free;
        this.baseDelayNanos = baseDelay.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.windowNanos = window.toNanos();
        this.time = time;
        this.attempts = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterAccess(window.plus(maxDelay).toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /** Counts an attempt when the key may try now and answers zero; otherwise counts nothing and answers the wait. */
    Duration tryAcquire(String key) {
        long now = time.currentTimeNanos();
        long[] wait = {0};
        attempts.asMap().compute(key, (ignored, previous) -> {
            Attempts current = previous == null || now - previous.lastNanos() > windowNanos ? Attempts.NONE : previous;
            long delay = delayAfter(current.count());
            long due = current.lastNanos() + delay;
            // within the allowance nothing waits, also when a parallel attempt stamped the key after this one's clock
            if (current.count() > 0 && delay > 0 && now < due) {
                wait[0] = due - now;
                return current;
            }
            return new Attempts(current.count() + 1, Math.max(now, current.lastNanos()));
        });
        return Duration.ofNanos(wait[0]);
    }

    /** Forgets every attempt of the key (a success of the account from that address). */
    void reset(String key) {
        attempts.invalidate(key);
    }

    /** Takes back one counted attempt that turned out not to be a failure. */
    void refund(String key) {
        attempts.asMap().computeIfPresent(key, (ignored, current) -> current.count() <= 1 ? null
                : new Attempts(current.count() - 1, current.lastNanos()));
    }

    /** How long the attempt after {@code count} counted ones must wait after the last. */
    long delayAfter(int count) {
        if (count < free) {
            return 0;
        }
        int doublings = count - free;
        if (doublings >= Long.SIZE - 2 || baseDelayNanos > maxDelayNanos >> doublings) {
            return maxDelayNanos;
        }
        return baseDelayNanos << doublings;
    }

    private record Attempts(int count, long lastNanos) {
        static final Attempts NONE = new Attempts(0, Long.MIN_VALUE / 2);
    }
}
