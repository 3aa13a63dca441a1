package dev.parley.worker.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.worker.provider.DeltaSink;

/**
 * The stream of one answer: numbers its events 0, 1, 2, ..., coalesces the provider's deltas by the
 * {@link CoalescingPolicy}, and keeps the full text so that the terminal event equals the concatenated deltas.
 * Counts itself among the worker's {@link OpenStreams} from its opening until it is finished or abandoned.
 * Called by the generation thread and by the flush timer. It locks with a {@link ReentrantLock} rather than
 * {@code synchronized}: a send may block (broker metadata), and that must not pin a virtual thread's carrier.
 */
public final class StreamEmitter implements DeltaSink {

    private final StreamTarget target;
    private final ChatStreamPublisher publisher;
    private final CoalescingPolicy policy;
    private final ScheduledExecutorService timer;
    private final OpenStreams openStreams;
    private final ReentrantLock lock = new ReentrantLock();
    private final long startedNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder buffer = new StringBuilder();

    private long sequence;
    private long lastFlushNanos = startedNanos;
    private long firstTextNanos = -1;
    private ScheduledFuture<?> pendingFlush;
    private boolean finished;
    private boolean counted = true;

    StreamEmitter(StreamTarget target, ChatStreamPublisher publisher, CoalescingPolicy policy,
            ScheduledExecutorService timer, OpenStreams openStreams) {
        this.target = target;
        this.publisher = publisher;
        this.policy = policy;
        this.timer = timer;
        this.openStreams = openStreams;
        openStreams.opened();
    }

    @Override
    public void accept(String delta) {
        lock.lock();
        try {
            if (!finished && !delta.isEmpty()) {
                append(delta);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is buffered and closes the stream to deltas; returns the full text. */
    public String finish() {
        lock.lock();
        try {
            flush();
            close();
            return text.toString();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the stream to deltas without sending what is buffered: its call ended by an exception. */
    public void abandon() {
        lock.lock();
        try {
            cancelPendingFlush();
            buffer.setLength(0);
            close();
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number of the next event: the terminal one, once {@link #finish()} was called. */
    public long nextSequence() {
        lock.lock();
        try {
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    /** Time from the start of the stream to its first text, if any text came. */
    public Optional<Duration> timeToFirstText() {
        lock.lock();
        try {
            return firstTextNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstTextNanos - startedNanos));
        } finally {
            lock.unlock();
        }
    }

    private void append(String delta) {
        if (firstTextNanos < 0) {
            firstTextNanos = System.nanoTime();
        }
        text.append(delta);
        buffer.append(delta);
        Duration sinceFlush = Duration.ofNanos(System.nanoTime() - lastFlushNanos);
        Duration window = policy.window(openStreams.count());
        if (policy.flushNow(sequence == 0, buffer.length(), sinceFlush, window)) {
            flush();
        } else if (pendingFlush == null) {
            pendingFlush = timer.schedule(this::flushDue, policy.remainingWait(sinceFlush, window).toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void close() {
        finished = true;
        if (counted) {
            counted = false;
            openStreams.closed();
        }
    }

    private void flushDue() {
        lock.lock();
        try {
            pendingFlush = null;
            if (!finished) {
                flush();
            }
        } finally {
            lock.unlock();
        }
    }

    private void flush() {
        cancelPendingFlush();
        if (buffer.isEmpty()) {
            return;
        }
        publisher.delta(target, sequence++, buffer.toString());
        buffer.setLength(0);
        lastFlushNanos = System.nanoTime();
    }

    private void cancelPendingFlush() {
        if (pendingFlush != null) {
            pendingFlush.cancel(false);
            pendingFlush = null;
        }
    }
}
