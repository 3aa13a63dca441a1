package dev.parley.accounting.account;

import java.time.Instant;

/**
 * A change of balance that is not usage: a grant, its expiry, a refill or an admin adjustment.
 *
 * @param creditId the ledger entry id; the account applies each id once, and never one it has voided
 * @param delta credits added (negative: removed)
 * @param expectedBalance when set, the change applies only while the balance is still this (set-balance)
 * @param refillAnchor when set, the change applies only while the refill is still the one with this anchor
 * @param refillIndex when set, the change applies only while the refill's last index is below it, and sets it
 */
public record CreditChange(String accountId, String creditId, long delta, Long expectedBalance, Instant refillAnchor,
        Long refillIndex) {
}
