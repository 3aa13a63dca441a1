package dev.parley.accounting.ledger;

/** Where a ledger entry is in the debit protocol. */
public enum LedgerState {
    /** Recorded; the account may or may not have been debited yet. */
    PENDING,
    /** The account has been debited (or, for uncharged usage, credited with the token totals). */
    APPLIED
}
