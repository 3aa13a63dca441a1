package dev.parley.worker.call;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.parley.worker.call.CallDeadlines.Expiry;
import dev.parley.worker.provider.Cancellation;

/**
 * Stops one provider call when one of its {@link CallDeadlines} passes. One timer task per call at a time,
 * rescheduled to the next deadline rather than run per delta, so thousands of deltas cost no timer work.
 */
final class Watchdog implements AutoCloseable {

    private final CallDeadlines deadlines;
    private final Cancellation call;
    private final ScheduledExecutorService timer;
    private volatile Expiry expired;
    private ScheduledFuture<?> next;
    private boolean closed;

    Watchdog(CallDeadlines deadlines, Cancellation call, ScheduledExecutorService timer) {
        this.deadlines = deadlines;
        this.call = call;
        this.timer = timer;
    }

    void start() {
        schedule(deadlines.nanosUntilNextCheck(System.nanoTime()));
    }

    void textArrived() {
        deadlines.textArrived(System.nanoTime());
    }

    /** The limit that stopped the call, if one did. */
    Optional<Expiry> expired() {
        return Optional.ofNullable(expired);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void check() {
        long now = System.nanoTime();
        Optional<Expiry> expiry = deadlines.expired(now);
        if (expiry.isPresent()) {
            expired = expiry.get();
            call.cancel();
        } else {
            schedule(deadlines.nanosUntilNextCheck(now));
        }
    }

    private synchronized void schedule(long delayNanos) {
        if (!closed) {
            next = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
