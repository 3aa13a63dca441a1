package dev.parley.contracts.accounting;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page of applied ledger entries, newest first, with aggregates over every entry matching the filter (not only
 * this page).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionPage(List<Transaction> items, int page, int size, long totalItems, long totalPages,
        Aggregates aggregates) {

    /**
     * One ledger entry as users and admins read it.
     *
     * @param type {@code DEBIT}, {@code RELEASE}, {@code GRANT}, {@code GRANT_EXPIRY}, {@code REFILL},
     *        {@code ADJUSTMENT_CREDIT} or {@code ADJUSTMENT_DEBIT} (accounting's ledger types, by name)
     * @param delta signed change of the balance in credits
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transaction(String id, String type, String userId, String accountId, String requestId,
            String conversationId, String provider, String model, Tokens tokens, String source, String outcome,
            boolean ownKey, long amount, long delta, long released, Long balanceAfter, Instant recordedAt) {
    }

    /**
     * The token counts of one provider call.
     *
     * @param cachedInput part of {@code input} served from the provider's prompt cache
     * @param reasoning part of {@code output} spent on hidden reasoning
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tokens(long input, long output, long cachedInput, long reasoning) {
    }

    /**
     * @param totalDebited credits taken from balances (usage, expiries, downward adjustments)
     * @param totalCredited credits added (grants, refills, upward adjustments)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Aggregates(long count, long totalDebited, long totalCredited) {
    }
}
