package dev.parley.ingress.accounting;

import java.time.Instant;

/**
 * A user's account as usage-accounting reports it. Amounts are whole credits (one credit is one token of the
 * built-in mock models); token counts are tokens.
 *
 * @param reserved credits held by requests that have not settled yet
 * @param available what new requests can still reserve: balance minus reserved
 * @param payerId the account that pays this user's requests: the user's own, or {@code org:<organisationId>}
 */
public record AccountSnapshot(
        String userId,
        long balance,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        long debitedCredits,
        long reserved,
        long available,
        String organisationId,
        String payerId,
        Refill refill,
        Instant updatedAt) {

    /** @param interval ISO-8601, e.g. {@code P1D} */
    public record Refill(long amount, String interval, Instant anchor) {
    }
}
