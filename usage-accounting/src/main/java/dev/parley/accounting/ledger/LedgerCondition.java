package dev.parley.accounting.ledger;

import java.time.Instant;

/**
 * What must still hold for a pending balance change to apply. It is stored with the pending entry, so that
 * recovery finishes the change exactly as the request that wrote it would have.
 *
 * @param expectedBalance set-balance: the balance the difference was computed from
 * @param refillAnchor refill: the anchor of the refill configuration the interval belongs to
 * @param refillIndex refill: the interval; it applies only while the account's last refilled interval is below it
 */
public record LedgerCondition(Long expectedBalance, Instant refillAnchor, Long refillIndex) {

    public static LedgerCondition balanceIs(long balance) {
        return new LedgerCondition(balance, null, null);
    }

    public static LedgerCondition refillInterval(Instant anchor, long index) {
        return new LedgerCondition(null, anchor, index);
    }
}
