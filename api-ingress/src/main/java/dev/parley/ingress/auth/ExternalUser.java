package dev.parley.ingress.auth;

/**
 * The Parley user an outside system's user id maps to.
 *
 * @param created whether this call created the user
 */
public record ExternalUser(String externalId, String userId, boolean created) {
}
