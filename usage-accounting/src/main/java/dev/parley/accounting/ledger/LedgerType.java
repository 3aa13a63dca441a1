package dev.parley.accounting.ledger;

/** What a ledger entry did to its account's balance. */
public enum LedgerType {
    /** Usage of a provider call, priced per model. */
    DEBIT(-1),
    /** A reservation released without usage (expired, or given back by api-ingress); the balance is unchanged. */
    RELEASE(0),
    GRANT(1),
    /** The unspent remainder of a grant removed at its expiry. */
    GRANT_EXPIRY(-1),
    REFILL(1),
    /** An admin or integration raised the balance. */
    ADJUSTMENT_CREDIT(1),
    /** An admin or integration lowered the balance. */
    ADJUSTMENT_DEBIT(-1);

    private final int sign;

    LedgerType(int sign) {
        this.sign = sign;
    }

    /** -1 when the entry's amount was taken from the balance, 1 when added, 0 when the balance did not move. */
    public int sign() {
        return sign;
    }
}
