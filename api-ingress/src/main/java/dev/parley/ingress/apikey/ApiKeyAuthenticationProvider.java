package dev.parley.ingress.apikey;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import dev.parley.ingress.auth.UserDirectory;

/** Authenticates bearer tokens that are API keys ({@code pk_...}); JWTs are left to the JWT provider. */
@Component
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyService keys;
    private final UserDirectory users;

    ApiKeyAuthenticationProvider(ApiKeyService keys, UserDirectory users) {
        this.keys = keys;
        this.users = users;
    }

    /** Whether the token is an API key, which this provider alone may judge. */
    public static boolean handles(String token) {
        return ApiKeyCodec.isApiKey(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return keys.authenticate(token)
                .map(key -> new ApiKeyAuthentication(key.userId(), key.id(), users.roles(key.userId())))
                // an owner without roles no longer exists: the key is as good as none
                .filter(authenticated -> !authenticated.getAuthorities().isEmpty())
                .orElseThrow(() -> new InvalidBearerTokenException("The API key is unknown, revoked or expired"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
