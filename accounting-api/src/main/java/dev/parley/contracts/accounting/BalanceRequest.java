package dev.parley.contracts.accounting;

/** An admin's new balance; the difference is written to the ledger as an adjustment. */
public record BalanceRequest(long balance) {
}
