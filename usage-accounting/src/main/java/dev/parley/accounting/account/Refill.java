package dev.parley.accounting.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * Automatic refill: {@code amount} credits added once for every {@code intervalSeconds} counted from
 * {@code anchor}, the first at the anchor itself; or, on depletion, added when the balance runs out, at most once
 * in each of those intervals.
 *
 * @param lastIndex the last interval index refilled; -1 before the first
 * @param depletionThreshold null for a refill on schedule; for a refill on depletion, the balance at or below which
 *        the account counts as run out (a request it cannot afford counts too)
 */
public record Refill(long amount, long intervalSeconds, Instant anchor, long lastIndex, Long depletionThreshold) {

    @PersistenceCreator
    public Refill {
    }

    /** A refill on schedule. */
    public Refill(long amount, long intervalSeconds, Instant anchor, long lastIndex) {
        this(amount, intervalSeconds, anchor, lastIndex, null);
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    public boolean onDepletion() {
        return depletionThreshold != null;
    }

    /** Whether the account has run out: its balance is at the threshold or below, or it cannot afford {@code needed}. */
    public boolean depleted(Account account, long needed) {
        return onDepletion() && (account.balance() <= depletionThreshold || needed > 0 && account.available() < needed);
    }
}
