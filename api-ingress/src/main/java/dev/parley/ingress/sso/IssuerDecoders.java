package dev.parley.ingress.sso;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * A decoder per issuer, from Spring Security's {@link NimbusJwtDecoder}: the issuer's one algorithm (so neither
 * {@code none} nor a token signed with HS256 using the issuer's public key as the secret gets through), its key,
 * and {@code exp} (required), {@code nbf}, {@code iss} and {@code aud} checked. A JWKS is fetched through Nimbus's
 * {@link JWKSourceBuilder}: cached, fetched again when a token names a key it lacks (rotation), but at most once per
 * {@code jwks-min-refresh}, so that tokens with made-up key ids cannot make Parley hammer the issuer.
 */
final class IssuerDecoders {

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 3_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private IssuerDecoders() {
    }

    static JwtDecoder of(IssuerProperties issuer, SsoProperties settings) {
        NimbusJwtDecoder decoder = issuer.hasSecret() ? hmac(issuer) : jwks(issuer, settings);
        decoder.setJwtValidator(validator(issuer, settings));
        return decoder;
    }

    private static NimbusJwtDecoder hmac(IssuerProperties issuer) {
        var key = new SecretKeySpec(issuer.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private static NimbusJwtDecoder jwks(IssuerProperties issuer, SsoProperties settings) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(URI.create(issuer.jwksUrl()).toURL(),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                    .cache(settings.jwksCacheTtl().toMillis(), READ_TIMEOUT_MS + CONNECT_TIMEOUT_MS)
                    .rateLimited(settings.jwksMinRefresh().toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("parley.sso issuer '" + issuer.issuer() + "': bad jwks-url", e);
        }
        return NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.from(issuer.pinnedAlgorithm()))
                .build();
    }

    private static OAuth2TokenValidator<Jwt> validator(IssuerProperties issuer, SsoProperties settings) {
        // without exp a token would never expire: the timestamp check only judges one that has it
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(settings.clockSkew()),
                new JwtIssuerValidator(issuer.issuer()), new JwtAudienceValidator(issuer.audience()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }
}
