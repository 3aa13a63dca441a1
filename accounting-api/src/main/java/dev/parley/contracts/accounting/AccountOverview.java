package dev.parley.contracts.accounting;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An account as an admin's user list shows it: its balance, reservations and refill, and its grants not expired.
 *
 * @param grants scheduled and active grants, soonest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountOverview(@JsonUnwrapped AccountResponse account, List<GrantResponse> grants) {
}
