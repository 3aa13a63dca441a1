package dev.parley.accounting.config;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import dev.parley.platform.crypto.Sha256;

/**
 * Accepts exactly the configured service token (authority {@code ROLE_SERVICE}) and, when one is configured, the
 * integration token of outside systems ({@code ROLE_INTEGRATION}). Both sides are hashed before the comparison so
 * that {@link Sha256#equal} compares equal-length arrays: the time taken reveals neither the token's
 * content nor its length.
 */
final class ServiceTokenIntrospector implements OpaqueTokenIntrospector {

    static final String SERVICE_AUTHORITY = "ROLE_SERVICE";
    static final String INTEGRATION_AUTHORITY = "ROLE_INTEGRATION";

    private final byte[] serviceDigest;
    private final byte[] integrationDigest;

    ServiceTokenIntrospector(String serviceToken) {
        this(serviceToken, "");
    }

    ServiceTokenIntrospector(String serviceToken, String integrationToken) {
        if (!integrationToken.isBlank() && integrationToken.equals(serviceToken)) {
            throw new IllegalArgumentException("The integration token must differ from the service token");
        }
        this.serviceDigest = Sha256.digest(serviceToken);
        this.integrationDigest = integrationToken.isBlank() ? null : Sha256.digest(integrationToken);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        byte[] digest = Sha256.digest(token);
        if (Sha256.equal(serviceDigest, digest)) {
            return principal("service", SERVICE_AUTHORITY);
        }
        if (integrationDigest != null && Sha256.equal(integrationDigest, digest)) {
            return principal("integration", INTEGRATION_AUTHORITY);
        }
        throw new BadOpaqueTokenException("Invalid service token");
    }

    private static OAuth2AuthenticatedPrincipal principal(String name, String authority) {
        return new OAuth2IntrospectionAuthenticatedPrincipal(name, Map.of("sub", name),
                List.of(new SimpleGrantedAuthority(authority)));
    }
}
