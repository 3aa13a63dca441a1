package dev.parley.ingress.config;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import dev.parley.ingress.apikey.ApiKeyAuthenticationProvider;
import dev.parley.ingress.auth.AccountLocks;

/**
 * Sends each bearer token to the one provider that can judge it: API keys ({@code pk_...}) to the key check,
 * everything else to the JWT decoder. Routing instead of trying both keeps the error of a bad key about the key,
 * and never lets a key reach the JWT parser.
 */
final class BearerTokenRouter implements AuthenticationManager {

    private final AuthenticationProvider apiKeys;
    private final AuthenticationProvider jwt;
    private final AccountLocks locks;

    BearerTokenRouter(AuthenticationProvider apiKeys, AuthenticationProvider jwt, AccountLocks locks) {
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.locks = locks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        boolean apiKey = authentication instanceof BearerTokenAuthenticationToken bearer
                && ApiKeyAuthenticationProvider.handles(bearer.getToken());
        Authentication result = (apiKey ? apiKeys : jwt).authenticate(authentication);
        if (result == null) {
            throw new InvalidBearerTokenException("The bearer token is not valid");
        }
        // a signed token stays valid until it expires: the account's current state decides
        if (locks.isLocked(result.getName())) {
            throw new InvalidBearerTokenException("The account of this token is disabled or deleted");
        }
        return result;
    }
}
