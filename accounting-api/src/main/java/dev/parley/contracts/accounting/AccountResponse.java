package dev.parley.contracts.accounting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user's account. Amounts are whole credits (one credit is one token of the built-in mock models); token counts are
 * tokens.
 *
 * @param reserved credits held by requests that have not settled yet
 * @param available what new requests can still reserve: balance minus reserved
 * @param payerId the account that pays this user's requests: the user's own, or {@code org:<organisationId>}
 * @param refill null when refills are off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountResponse(String userId, long balance, long startingBalance, long inputTokens, long outputTokens,
        long debitedTokens, long debitedCredits, long reserved, long available, String organisationId, String payerId,
        RefillResponse refill, Instant updatedAt) {

    /**
     * @param interval ISO-8601, e.g. {@code P1D}
     * @param lastIndex the last interval refilled, counted from {@code anchor}; -1 before the first
     * @param depletionThreshold set for a refill on depletion: the balance at or below which it is granted, at most
     *        once per interval
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefillResponse(long amount, String interval, Instant anchor, long lastIndex,
            Long depletionThreshold) {
    }
}
