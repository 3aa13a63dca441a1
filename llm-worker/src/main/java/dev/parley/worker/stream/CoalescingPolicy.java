package dev.parley.worker.stream;

import java.time.Duration;

/**
 * When buffered text becomes a stream event: the first text at once (time to first token is what users feel), then
 * whenever enough characters piled up or the oldest of them waited the window.
 * <p>
 * The window is {@code interval} while the worker streams few answers. Every event costs the same work in every
 * process it crosses (produced, stored, fetched by each reader, written to a socket), whatever text it carries, so a
 * worker streaming many answers at once widens every stream's window to keep its events near
 * {@code eventsPerSecond} in total, up to {@code maxInterval}: under load the text comes in larger pieces instead of
 * everything coming later. {@code eventsPerSecond} 0 keeps the window at {@code interval}.
 */
public record CoalescingPolicy(Duration interval, int maxChars, Duration maxInterval, int eventsPerSecond) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public CoalescingPolicy {
        if (maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("maxInterval " + maxInterval + " is shorter than interval " + interval);
        }
    }

    /** A window that never widens. */
    public CoalescingPolicy(Duration interval, int maxChars) {
        this(interval, maxChars, interval, 0);
    }

    /** How long text may wait for more while {@code openStreams} answers are streaming on this worker. */
    public Duration window(int openStreams) {
        if (eventsPerSecond <= 0) {
            return interval;
        }
        long spread = NANOS_PER_SECOND * Math.max(0, openStreams) / eventsPerSecond;
        return Duration.ofNanos(Math.clamp(spread, interval.toNanos(), maxInterval.toNanos()));
    }

    public boolean flushNow(boolean firstDelta, int bufferedChars, Duration sinceLastFlush, Duration window) {
        return firstDelta || bufferedChars >= maxChars || sinceLastFlush.compareTo(window) >= 0;
    }

    /** How long the buffer may still wait for more text. */
    public Duration remainingWait(Duration sinceLastFlush, Duration window) {
        Duration remaining = window.minus(sinceLastFlush);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
