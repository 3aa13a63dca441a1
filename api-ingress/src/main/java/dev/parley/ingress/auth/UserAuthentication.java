package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated as a Parley user, whatever kind of bearer token proved it. Its name is the user id; its
 * authorities are the account's roles as the database has them now ({@code ROLE_USER}, {@code ROLE_ADMIN}).
 *
 * @param expiresAt when the credential stops being valid (a JWT's {@code exp}, an API key's expiry); null: never
 */
public final class UserAuthentication extends AbstractAuthenticationToken {

    private final String userId;
    private final Instant expiresAt;

    public UserAuthentication(String userId, List<String> roles, Instant expiresAt) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.userId = userId;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Object getCredentials() {
        return null; // the token itself is never kept
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }
}
