package dev.parley.accounting.grant;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.parley.accounting.account.AccountResponse;

/**
 * An account as an admin's user list shows it: its balance, reservations and refill, and its grants not expired.
 *
 * @param grants scheduled and active grants, soonest first
 */
record AccountOverview(@JsonUnwrapped AccountResponse account, List<GrantResponse> grants) {
}
