package dev.parley.ingress.usage;

import java.time.Instant;

record UsageResponse(
        String userId,
        long balance,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        Instant updatedAt) {

    static UsageResponse of(AccountSnapshot account) {
        return new UsageResponse(account.userId(), account.balance(), account.startingBalance(),
                account.inputTokens(), account.outputTokens(), account.debitedTokens(), account.updatedAt());
    }
}
