package dev.parley.ingress.sso;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One trusted outside issuer of user tokens.
 *
 * @param issuer the exact {@code iss} its tokens carry
 * @param audience the {@code aud} its tokens must name (Parley, as that issuer calls it)
 * @param secret the shared HS256 key, at least 32 bytes; or else
 * @param jwksUrl where its public keys are (RS256 or ES256)
 * @param algorithm the only algorithm accepted: HS256 with a secret (the default then), RS256 (default) or ES256
 *        with a JWKS URL
 * @param externalIdPrefix put before the subject to make the external id; empty (the default) makes the subject the
 *        external id the integration endpoint uses. Two issuers whose subjects may collide need different prefixes
 * @param claims which claims say what
 * @param trustRoles whether the {@code claims.roles} claim may make the user an admin (and take that away again)
 * @param startingBalance credits a user created on first sight starts with; the registration's default when absent
 * @param grant credits granted once to a user created on first sight (besides the starting balance); 0: none
 * @param grantValidity how long that grant lasts; absent: it does not expire
 */
record IssuerProperties(
        String issuer,
        String audience,
        String secret,
        String jwksUrl,
        String algorithm,
        @DefaultValue("") String externalIdPrefix,
        @DefaultValue ClaimMapping claims,
        boolean trustRoles,
        Long startingBalance,
        @DefaultValue("0") long grant,
        Duration grantValidity) {

    static final int MIN_SECRET_BYTES = 32;

    /**
     * @param subject the user's id at the issuer
     * @param organisation the organisation whose balance pays; absent: none is set
     * @param roles a string or a list of strings
     * @param adminRole the value of {@code roles} that makes an admin
     */
    record ClaimMapping(
            @DefaultValue("sub") String subject,
            @DefaultValue("email") String email,
            @DefaultValue("name") String name,
            String organisation,
            @DefaultValue("roles") String roles,
            @DefaultValue("admin") String adminRole) {
    }

    /** The algorithm in force: the configured one, or the default of the key kind. */
    String pinnedAlgorithm() {
        if (algorithm != null && !algorithm.isBlank()) {
            return algorithm.trim().toUpperCase(Locale.ROOT);
        }
        return hasSecret() ? "HS256" : "RS256";
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    /** Refuses a configuration that would accept forged or unexpected tokens; never prints the secret. */
    void check() {
        String name = "parley.sso issuer '" + issuer + "'";
        require(issuer != null && !issuer.isBlank(), "parley.sso: every issuer needs its 'issuer'");
        require(audience != null && !audience.isBlank(), name + " needs an audience");
        boolean jwks = jwksUrl != null && !jwksUrl.isBlank();
        require(hasSecret() != jwks, name + " needs exactly one of secret and jwks-url");
        String pinned = pinnedAlgorithm();
        if (hasSecret()) {
            require(pinned.equals("HS256"), name + ": a shared secret only goes with HS256");
            require(secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                    name + ": the secret must be at least " + MIN_SECRET_BYTES + " bytes");
        } else {
            require(pinned.equals("RS256") || pinned.equals("ES256"), name + ": a JWKS URL goes with RS256 or ES256");
        }
        require(grant >= 0 && (startingBalance == null || startingBalance >= 0), name + ": credits cannot be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public String toString() {
        return "IssuerProperties[issuer=" + issuer + ", audience=" + audience + ", secret=" + (hasSecret() ? "<hidden>"
                : "none") + ", jwksUrl=" + jwksUrl + ", algorithm=" + pinnedAlgorithm() + "]";
    }
}
