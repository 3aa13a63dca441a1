package dev.parley.ingress.stream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands one client's items to its writer in order, one task at a time on the executor. A write can block on
 * a slow client, so it never runs on the Kafka consumer thread that delivers the items; a client that falls
 * more than {@code maxQueued} items behind is given up ({@code onOverflow} runs once, on the executor). Once a
 * task has written everything queued, {@code endOfBatch} runs: a writer that buffers (SSE) flushes there, so that
 * the events that arrived together (a Kafka poll's deltas) reach the client in one write.
 */
public final class OrderedWriter {

    private final Executor executor;
    private final int maxQueued;
    private final Consumer<Object> write;
    private final Runnable onOverflow;
    private final Runnable endOfBatch;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    public OrderedWriter(Executor executor, int maxQueued, Consumer<Object> write, Runnable onOverflow) {
        this(executor, maxQueued, write, onOverflow, () -> { });
    }

    public OrderedWriter(Executor executor, int maxQueued, Consumer<Object> write, Runnable onOverflow,
            Runnable endOfBatch) {
        this.executor = executor;
        this.maxQueued = maxQueued;
        this.write = write;
        this.onOverflow = onOverflow;
        this.endOfBatch = endOfBatch;
    }

    /** Queues an item; false when the client is gone or too far behind. */
    public boolean offer(Object item) {
        if (closed) {
            return false;
        }
        if (queued.incrementAndGet() > maxQueued) {
            closed = true;
            executor.execute(onOverflow);
            return false;
        }
        queue.add(item);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return true;
    }

    /** Nothing more is written; what is still queued is dropped. */
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    private void drain() {
        try {
            Object item;
            while ((item = queue.poll()) != null) {
                queued.decrementAndGet();
                if (!closed) {
                    write.accept(item);
                }
            }
            if (!closed) {
                endOfBatch.run();
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }
    }
}
