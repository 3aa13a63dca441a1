package dev.parley.ingress.usage;

import java.time.Instant;

import dev.parley.contracts.accounting.AccountResponse;

/**
 * An account's refill as {@code /api/me/usage} and the admin's account view show it.
 *
 * @param interval ISO-8601, e.g. {@code P1D}
 */
public record RefillView(long amount, String interval, Instant anchor) {

    public static RefillView of(AccountResponse.RefillResponse refill) {
        return refill == null ? null : new RefillView(refill.amount(), refill.interval(), refill.anchor());
    }
}
