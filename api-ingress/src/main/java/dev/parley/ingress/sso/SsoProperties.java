package dev.parley.ingress.sso;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Trusted outside issuers: the YAML list {@code parley.sso.issuers}, plus one set by environment alone
 * ({@code PARLEY_SSO_ISSUER}, {@code PARLEY_SSO_AUDIENCE}, and {@code PARLEY_SSO_SECRET} or
 * {@code PARLEY_SSO_JWKS_URL}) whose subject is the external id and whose {@code email} and {@code name} are used.
 *
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksMinRefresh the least time between two fetches of one issuer's keys, however many tokens name a key it
 *        does not have (a rotated one, or a forged one)
 * @param clockSkew tolerance of {@code exp} and {@code nbf}
 * @param userCacheTtl how long this instance remembers which user an external id is
 */
@Validated
@ConfigurationProperties("parley.sso")
record SsoProperties(
        String issuer,
        String audience,
        String secret,
        String jwksUrl,
        @DefaultValue List<IssuerProperties> issuers,
        @DefaultValue("5m") @NotNull Duration jwksCacheTtl,
        @DefaultValue("30s") @NotNull Duration jwksMinRefresh,
        @DefaultValue("60s") @NotNull Duration clockSkew,
        @DefaultValue("10m") @NotNull Duration userCacheTtl) {

    /** Every issuer, checked; the environment's first. */
    List<IssuerProperties> all() {
        List<IssuerProperties> all = new ArrayList<>();
        if (issuer != null && !issuer.isBlank()) {
            all.add(new IssuerProperties(issuer.trim(), audience, secret, jwksUrl, null, "",
                    new IssuerProperties.ClaimMapping("sub", "email", "name", null, "roles", "admin"), false, null,
                    0, null));
        }
        all.addAll(issuers);
        all.forEach(IssuerProperties::check);
        return all;
    }

    @Override
    public String toString() {
        return "SsoProperties[issuer=" + issuer + ", audience=" + audience + ", secret=<hidden>, jwksUrl=" + jwksUrl
                + ", issuers=" + issuers + "]";
    }
}
