package dev.parley.ingress.apikey;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API key. Its name is the owner's user id, like a JWT's subject, so
 * controllers need not care which kind of bearer token they got. A key carries its owner's current roles (read
 * when the key is checked, so that a revoked admin role ends at once), as a JWT carries them in its claim.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String userId;
    private final String keyId;

    ApiKeyAuthentication(String userId, String keyId) {
        this(userId, keyId, List.of("USER"));
    }

    ApiKeyAuthentication(String userId, String keyId, List<String> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.userId = userId;
        this.keyId = keyId;
        setAuthenticated(true);
    }

    String keyId() {
        return keyId;
    }

    @Override
    public Object getCredentials() {
        return null; // the key itself is never kept
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }
}
