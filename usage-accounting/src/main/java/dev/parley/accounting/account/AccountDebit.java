package dev.parley.accounting.account;

/**
 * One usage record's effect on the account that pays it.
 *
 * @param accountId the paying account: the user's, or their organisation's
 * @param amount credits taken from the balance (zero for usage that is recorded but not charged)
 * @param chargedTokens input plus output tokens when the call is charged, else zero
 * @param settles the reservation of the request that this usage settles; null when there is none
 */
public record AccountDebit(String accountId, String eventId, String requestId, long amount, long inputTokens,
        long outputTokens, long chargedTokens, Reservation settles) {

    /** A charged debit that settles no reservation, where one credit is one token. */
    public static AccountDebit ofTokens(String accountId, String eventId, long inputTokens, long outputTokens) {
        long tokens = Math.addExact(inputTokens, outputTokens);
        return new AccountDebit(accountId, eventId, eventId, tokens, inputTokens, outputTokens, tokens, null);
    }

    long released() {
        return settles != null ? settles.amount() : 0;
    }
}
