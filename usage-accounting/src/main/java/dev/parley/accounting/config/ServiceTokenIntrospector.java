package dev.parley.accounting.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Accepts exactly the configured service token. Both sides are hashed before the comparison so that
 * {@link MessageDigest#isEqual} compares equal-length arrays: the time taken reveals neither the token's
 * content nor its length.
 */
final class ServiceTokenIntrospector implements OpaqueTokenIntrospector {

    static final String SERVICE_AUTHORITY = "ROLE_SERVICE";

    private final byte[] expectedDigest;

    ServiceTokenIntrospector(String serviceToken) {
        this.expectedDigest = sha256(serviceToken);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (!MessageDigest.isEqual(expectedDigest, sha256(token))) {
            throw new BadOpaqueTokenException("Invalid service token");
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal("service", Map.of("sub", "service"),
                List.of(new SimpleGrantedAuthority(SERVICE_AUTHORITY)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
