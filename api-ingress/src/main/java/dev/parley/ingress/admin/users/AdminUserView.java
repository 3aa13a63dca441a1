package dev.parley.ingress.admin.users;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.parley.ingress.auth.UserAccount;
import tools.jackson.databind.JsonNode;

/**
 * An account in the admin's user list and detail, with its credits as usage-accounting keeps them.
 *
 * @param credits balance, reserved, available, refill and grants not expired; null when accounting has never seen
 *        the user or did not answer
 * @param grants the detail only: every grant, newest first
 */
record AdminUserView(@JsonUnwrapped UserAccount account, JsonNode credits, JsonNode grants) {
}
