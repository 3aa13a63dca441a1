package dev.parley.worker.stream;

import java.time.Duration;

/**
 * When buffered text becomes a stream event: the first text at once (time to first token is what users
 * feel), then whenever enough characters piled up or the oldest of them waited {@code interval}.
 */
public record CoalescingPolicy(Duration interval, int maxChars) {

    public boolean flushNow(boolean firstDelta, int bufferedChars, Duration sinceLastFlush) {
        return firstDelta || bufferedChars >= maxChars || sinceLastFlush.compareTo(interval) >= 0;
    }

    /** How long the buffer may still wait for more text. */
    public Duration remainingWait(Duration sinceLastFlush) {
        Duration remaining = interval.minus(sinceLastFlush);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
