package dev.parley.ingress.auth;

import java.util.List;

/**
 * What authorization needs of an account, read from the database rather than from a token's claims.
 *
 * @param roles {@code USER}, and {@code ADMIN} for administrators
 * @param active neither disabled nor deleted
 */
public record AccountState(List<String> roles, boolean active) {

    public AccountState {
        roles = List.copyOf(roles);
    }
}
