package dev.parley.ingress.catalog;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubling up to {@code max}. */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
    }

    /** @param failures the failures so far, at least 1 */
    Duration delay(int failures) {
        Duration delay = initial;
        for (int doubled = 1; doubled < failures && delay.compareTo(max) < 0; doubled++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
