package dev.parley.accounting.account;

import dev.parley.contracts.accounting.AccountResponse;

/** An account as the internal API answers it ({@link AccountResponse} of the accounting-api contract). */
public final class AccountResponses {

    private AccountResponses() {
    }

    public static AccountResponse of(Account account) {
        return new AccountResponse(account.userId(), account.balance(), account.startingBalance(),
                account.inputTokens(), account.outputTokens(), account.debitedTokens(), account.debitedCredits(),
                account.reserved(), account.available(), account.organisationId(), account.payerId(),
                refill(account.refill()), account.updatedAt());
    }

    private static AccountResponse.RefillResponse refill(Refill refill) {
        return refill == null ? null : new AccountResponse.RefillResponse(refill.amount(),
                refill.interval().toString(), refill.anchor(), refill.lastIndex(), refill.depletionThreshold());
    }
}
