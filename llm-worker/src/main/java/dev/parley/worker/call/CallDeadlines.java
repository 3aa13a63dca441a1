package dev.parley.worker.call;

import java.time.Duration;
import java.util.Optional;

import dev.parley.worker.config.ProviderProperties.Timeouts;

/**
 * The time limits of one provider call, on {@link System#nanoTime()} readings: time to first text, idle time
 * between texts, total time. Text arrives on the call's thread while a timer checks: the one mutable reading is
 * volatile.
 */
final class CallDeadlines {

    private static final long MIN_CHECK_NANOS = Duration.ofMillis(1).toNanos();

    private final Timeouts timeouts;
    private final long startedNanos;
    private volatile long lastTextNanos = -1;

    CallDeadlines(Timeouts timeouts, long startedNanos) {
        this.timeouts = timeouts;
        this.startedNanos = startedNanos;
    }

    void textArrived(long nowNanos) {
        lastTextNanos = nowNanos;
    }

    /** The limit that has passed at {@code nowNanos}, if any; the total limit wins over the others. */
    Optional<Expiry> expired(long nowNanos) {
        long last = lastTextNanos;
        if (nowNanos - startedNanos >= timeouts.total().toNanos()) {
            return Optional.of(new Expiry("total", timeouts.total()));
        }
        if (last < 0 && nowNanos - startedNanos >= timeouts.firstToken().toNanos()) {
            return Optional.of(new Expiry("time-to-first-token", timeouts.firstToken()));
        }
        if (last >= 0 && nowNanos - last >= timeouts.idle().toNanos()) {
            return Optional.of(new Expiry("idle", timeouts.idle()));
        }
        return Optional.empty();
    }

    /** How long until the nearest limit could pass, given the text seen so far. */
    long nanosUntilNextCheck(long nowNanos) {
        long last = lastTextNanos;
        long total = startedNanos + timeouts.total().toNanos() - nowNanos;
        long silence = last < 0 ? startedNanos + timeouts.firstToken().toNanos() - nowNanos
                : last + timeouts.idle().toNanos() - nowNanos;
        return Math.max(MIN_CHECK_NANOS, Math.min(total, silence));
    }

    /**
     * @param timeout which limit: {@code time-to-first-token}, {@code idle} or {@code total}
     * @param limit its configured length
     */
    record Expiry(String timeout, Duration limit) {
    }
}
