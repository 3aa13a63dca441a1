package dev.parley.accounting.account;

import java.time.Instant;

/** A balance as api-ingress reads it; token counts are whole tokens. */
record AccountResponse(String userId, long balance, long startingBalance, long inputTokens, long outputTokens,
        long debitedTokens, Instant updatedAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.userId(), account.balance(), account.startingBalance(),
                account.inputTokens(), account.outputTokens(), account.debitedTokens(), account.updatedAt());
    }
}
