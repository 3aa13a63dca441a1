package dev.parley.ingress.admin.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.ingress.auth.UserAccount;

/**
 * An account in the admin's user list and detail, with its credits as usage-accounting keeps them.
 *
 * @param credits balance, reserved, available, refill and grants not expired; null when accounting has never seen
 *        the user or did not answer
 * @param grants the detail only: every grant, newest first
 */
record AdminUserView(@JsonUnwrapped UserAccount account, AccountOverview credits, List<GrantResponse> grants) {
}
