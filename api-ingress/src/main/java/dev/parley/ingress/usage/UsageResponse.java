package dev.parley.ingress.usage;

import java.time.Instant;

/**
 * @param reserved credits held by requests still running; they settle against actual usage
 * @param available what new requests can still reserve
 */
record UsageResponse(
        String userId,
        long balance,
        long reserved,
        long available,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        long debitedCredits,
        String organisationId,
        AccountSnapshot.Refill refill,
        Instant updatedAt) {

    static UsageResponse of(AccountSnapshot account) {
        return new UsageResponse(account.userId(), account.balance(), account.reserved(), account.available(),
                account.startingBalance(), account.inputTokens(), account.outputTokens(), account.debitedTokens(),
                account.debitedCredits(), account.organisationId(), account.refill(), account.updatedAt());
    }
}
