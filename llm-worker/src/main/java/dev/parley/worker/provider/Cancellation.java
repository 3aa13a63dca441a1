package dev.parley.worker.provider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stop signal for one provider call, raised by a user's cancel from another thread. */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public void cancel() {
        synchronized (this) {
            if (isCancelled()) {
                return;
            }
            cancelled.countDown();
        }
        callbacks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code callback} on cancel, or right away when already cancelled. */
    public void onCancel(Runnable callback) {
        synchronized (this) {
            if (!isCancelled()) {
                callbacks.add(callback);
                return;
            }
        }
        callback.run();
    }

    /**
     * Waits up to {@code timeout}; a provider pacing its output waits here so that a cancel wakes it at once.
     *
     * @return true when cancelled (an interrupt counts as a cancel: the worker is going away)
     */
    public boolean await(Duration timeout) {
        try {
            return cancelled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
