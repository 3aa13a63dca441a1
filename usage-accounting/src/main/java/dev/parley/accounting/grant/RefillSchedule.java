package dev.parley.accounting.grant;

import java.time.Duration;
import java.time.Instant;

import dev.parley.accounting.account.Refill;

/**
 * Interval arithmetic of automatic refills: interval {@code n} starts at {@code anchor + n x interval}, and each
 * index is refilled once; the index doubles as the idempotency key.
 */
final class RefillSchedule {

    private RefillSchedule() {
    }

    /** The index of the interval {@code now} falls in; -1 before the anchor. */
    static long currentIndex(Refill refill, Instant now) {
        if (now.isBefore(refill.anchor())) {
            return -1;
        }
        Duration elapsed = Duration.between(refill.anchor(), now);
        return Math.floorDiv(elapsed.toMillis(), refill.interval().toMillis());
    }

    /** The start of interval {@code index}. */
    static Instant startOf(Refill refill, long index) {
        return refill.anchor().plus(refill.interval().multipliedBy(index));
    }
}
