package dev.parley.accounting.account;

/**
 * One usage record's effect on an account.
 *
 * @param amount tokens taken from the balance (zero for usage that is recorded but not charged)
 */
public record AccountDebit(String userId, String eventId, long amount, long inputTokens, long outputTokens) {
}
