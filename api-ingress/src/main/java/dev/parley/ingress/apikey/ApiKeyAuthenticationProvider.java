package dev.parley.ingress.apikey;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import dev.parley.ingress.auth.UserAuthentication;

/**
 * Authenticates bearer tokens that are API keys ({@code pk_...}) as their owner; JWTs are left to the JWT provider.
 * The owner's roles and state are the security chain's business (it reads them for every kind of token).
 */
@Component
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyService keys;

    ApiKeyAuthenticationProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    /** Whether the token is an API key, which this provider alone may judge. */
    public static boolean handles(String token) {
        return ApiKeyCodec.isApiKey(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return keys.authenticate(token)
                .map(key -> new UserAuthentication(key.userId(), List.of(), key.expiresAt()))
                .orElseThrow(() -> new InvalidBearerTokenException("The API key is unknown, revoked or expired"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
