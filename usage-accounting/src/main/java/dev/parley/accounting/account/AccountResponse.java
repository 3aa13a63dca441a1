package dev.parley.accounting.account;

import java.time.Instant;

/**
 * A balance as api-ingress reads it. Amounts are whole credits (one credit is one token of the built-in mock
 * models); token counts are tokens.
 *
 * @param payerId the account that pays this user's requests: the user's own, or {@code org:<organisationId>}
 */
public record AccountResponse(String userId, long balance, long startingBalance, long inputTokens, long outputTokens,
        long debitedTokens, long debitedCredits, long reserved, long available, String organisationId, String payerId,
        RefillResponse refill, Instant updatedAt) {

    public static AccountResponse of(Account account) {
        return new AccountResponse(account.userId(), account.balance(), account.startingBalance(),
                account.inputTokens(), account.outputTokens(), account.debitedTokens(), account.debitedCredits(),
                account.reserved(), account.available(), account.organisationId(), account.payerId(),
                RefillResponse.of(account.refill()), account.updatedAt());
    }

    /**
     * @param interval ISO-8601, e.g. {@code P1D}
     * @param depletionThreshold set for a refill on depletion: the balance at or below which it is granted, at most
     *        once per interval
     */
    public record RefillResponse(long amount, String interval, Instant anchor, long lastIndex,
            Long depletionThreshold) {

        static RefillResponse of(Refill refill) {
            return refill == null ? null : new RefillResponse(refill.amount(), refill.interval().toString(),
                    refill.anchor(), refill.lastIndex(), refill.depletionThreshold());
        }
    }
}
