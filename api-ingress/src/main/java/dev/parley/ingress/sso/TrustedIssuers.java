package dev.parley.ingress.sso;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.nimbusds.jwt.JWTParser;

/**
 * The configured outside issuers, each with its decoder. Which one judges a token is read from the token's
 * unverified {@code iss}; the decoder of that issuer then verifies everything with that issuer's pinned algorithm
 * and key, so a token naming an issuer it was not signed by fails there.
 */
@Component
@EnableConfigurationProperties(SsoProperties.class)
public class TrustedIssuers {

    /** Parley's own access tokens carry this issuer; no outside issuer may take it. */
    private static final String OWN_ISSUER = "parley";

    private final Map<String, TrustedIssuer> byIssuer = new LinkedHashMap<>();

    TrustedIssuers(SsoProperties properties) {
        for (IssuerProperties issuer : properties.all()) {
            if (issuer.issuer().equals(OWN_ISSUER) || byIssuer.containsKey(issuer.issuer())) {
                throw new IllegalStateException("parley.sso issuer '" + issuer.issuer() + "' is Parley's own or "
                        + "configured twice");
            }
            byIssuer.put(issuer.issuer(), new TrustedIssuer(issuer, IssuerDecoders.of(issuer, properties)));
        }
    }

    /** Whether the token is a JWT naming a trusted outside issuer (not whether it is valid). */
    public boolean handles(String token) {
        return !byIssuer.isEmpty() && issuerOf(token).isPresent();
    }

    Optional<TrustedIssuer> issuerOf(String token) {
        if (byIssuer.isEmpty() || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer()).map(byIssuer::get);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    boolean any() {
        return !byIssuer.isEmpty();
    }
}
