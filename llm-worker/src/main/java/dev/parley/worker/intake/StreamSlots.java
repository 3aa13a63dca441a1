package dev.parley.worker.intake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * At most {@code capacity} streams run at once. Jobs beyond that wait in arrival order; they are the few
 * records that arrive after the listener was asked to pause, because a pause takes effect at the next poll.
 *
 * @param <T> a job
 */
final class StreamSlots<T> {

    private final int capacity;
    private final Deque<T> waiting = new ArrayDeque<>();
    private int running;

    StreamSlots(int capacity) {
        this.capacity = capacity;
    }

    /** @return true when the job may start now; otherwise it waits for a free slot */
    synchronized boolean admit(T job) {
        if (running < capacity) {
            running++;
            return true;
        }
        waiting.add(job);
        return false;
    }

    /** Frees the slot of an ended job, handing it straight to the next waiting job if there is one. */
    synchronized Optional<T> release() {
        T next = waiting.poll();
        if (next == null) {
            running--;
            notifyAll();
        }
        return Optional.ofNullable(next);
    }

    /** No room for more: the source of jobs should pause. */
    synchronized boolean isFull() {
        return running + waiting.size() >= capacity;
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** @return true when all jobs ended within {@code timeout} */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
