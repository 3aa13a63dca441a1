package dev.parley.ingress.config;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import dev.parley.ingress.auth.AccountState;
import dev.parley.ingress.auth.AccountStates;
import dev.parley.ingress.auth.UserAuthentication;

/**
 * Sends each bearer token to the one verifier that can judge it (API keys, {@code pk_...}, to the key check;
 * everything else to the JWT decoder), then authorizes the user it names by the account as it is now: its current
 * roles, and refusal when it is disabled or deleted. Routing instead of trying each keeps the error of a bad key
 * about the key, and never lets a key reach the JWT parser. Another kind of token (an outside issuer's JWT) is one
 * more {@link Route} ahead of the last, catch-all one.
 */
final class BearerTokenRouter implements AuthenticationManager {

    /** A kind of bearer token: which tokens it judges, and the provider that verifies them. */
    record Route(Predicate<String> handles, AuthenticationProvider verifier) {
    }

    private final List<Route> routes;
    private final AccountStates accounts;

    BearerTokenRouter(List<Route> routes, AccountStates accounts) {
        this.routes = List.copyOf(routes);
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = authentication instanceof BearerTokenAuthenticationToken bearer ? bearer.getToken() : "";
        Route route = routes.stream().filter(candidate -> candidate.handles().test(token)).findFirst()
                .orElseThrow(() -> new InvalidBearerTokenException("The bearer token is not valid"));
        Authentication verified = route.verifier().authenticate(authentication);
        if (verified == null) {
            throw new InvalidBearerTokenException("The bearer token is not valid");
        }
        // a signed token stays valid until it expires: the account's current state decides
        AccountState account = accounts.current(verified.getName()).filter(AccountState::active)
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token is disabled or deleted"));
        return new UserAuthentication(verified.getName(), account.roles(), expiresAt(verified));
    }

    private static Instant expiresAt(Authentication verified) {
        if (verified instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getExpiresAt();
        }
        return verified instanceof UserAuthentication user ? user.expiresAt() : null;
    }
}
