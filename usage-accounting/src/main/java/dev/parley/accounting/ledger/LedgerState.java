package dev.parley.accounting.ledger;

/** Where a ledger entry is in the write protocol. */
public enum LedgerState {
    /** Recorded; the account may or may not have been changed yet. */
    PENDING,
    /** The account has been changed (or, for uncharged usage, credited with the token totals). */
    APPLIED,
    /** Never applied: its condition no longer held (a set-balance that raced another change). */
    VOID
}
