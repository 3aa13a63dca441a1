package dev.parley.accounting.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Automatic refill: {@code amount} credits added once for every {@code intervalSeconds} counted from
 * {@code anchor}, the first at the anchor itself.
 *
 * @param lastIndex the last interval index refilled; -1 before the first
 */
public record Refill(long amount, long intervalSeconds, Instant anchor, long lastIndex) {

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }
}
