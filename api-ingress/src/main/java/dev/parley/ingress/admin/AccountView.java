package dev.parley.ingress.admin;

import java.time.Instant;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.ingress.usage.RefillView;

/**
 * A user's credits as the admin's account view shows them, the way the user sees them on /api/me/usage. Amounts are
 * whole credits; token counts are tokens.
 *
 * @param reserved credits held by requests that have not settled yet
 * @param available what new requests can still reserve: balance minus reserved
 * @param payerId the account that pays this user's requests: the user's own, or {@code org:<organisationId>}
 */
record AccountView(String userId, long balance, long startingBalance, long inputTokens, long outputTokens,
        long debitedTokens, long debitedCredits, long reserved, long available, String organisationId, String payerId,
        RefillView refill, Instant updatedAt) {

    static AccountView of(AccountResponse account) {
        return new AccountView(account.userId(), account.balance(), account.startingBalance(), account.inputTokens(),
                account.outputTokens(), account.debitedTokens(), account.debitedCredits(), account.reserved(),
                account.available(), account.organisationId(), account.payerId(), RefillView.of(account.refill()),
                account.updatedAt());
    }
}
