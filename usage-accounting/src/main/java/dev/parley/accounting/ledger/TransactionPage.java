package dev.parley.accounting.ledger;

import java.util.List;

/**
 * A page of applied ledger entries, newest first, with aggregates over every entry matching the filter (not only
 * this page).
 */
record TransactionPage(List<TransactionResponse> items, int page, int size, long totalItems, long totalPages,
        Aggregates aggregates) {

    /**
     * @param totalDebited credits taken from balances (usage, expiries, downward adjustments)
     * @param totalCredited credits added (grants, refills, upward adjustments)
     */
    record Aggregates(long count, long totalDebited, long totalCredited) {
    }
}
