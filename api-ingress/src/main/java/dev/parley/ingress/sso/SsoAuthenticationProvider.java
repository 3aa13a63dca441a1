package dev.parley.ingress.sso;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import dev.parley.ingress.auth.UserAuthentication;

/**
 * Verifies a trusted outside issuer's token and names the Parley user it stands for (created on first sight).
 * Roles are left to the bearer-token router, which authorizes every kind of token by the account as stored.
 */
@Component
public class SsoAuthenticationProvider implements AuthenticationProvider {

    private final TrustedIssuers issuers;
    private final SsoUsers users;

    SsoAuthenticationProvider(TrustedIssuers issuers, SsoUsers users) {
        this.issuers = issuers;
        this.users = users;
    }

    /** Whether the token names a trusted outside issuer; only then is it this provider's to judge. */
    public boolean handles(String token) {
        return issuers.handles(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        TrustedIssuer issuer = issuers.issuerOf(token)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's issuer is not trusted"));
        Jwt jwt;
        OutsideIdentity identity;
        try {
            jwt = issuer.decoder().decode(token);
            identity = OutsideIdentity.of(jwt, issuer.settings());
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The outside token is not valid: " + e.getMessage(), e);
        }
        return new UserAuthentication(users.link(issuer.settings(), identity), List.of(), jwt.getExpiresAt());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
