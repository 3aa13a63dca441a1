package dev.parley.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Access tokens for tests: valid ones, and ones that must be refused for exactly one reason each. */
public final class TestTokens {

    public static final String SECRET = "test-secret-that-is-long-enough-for-hs256";

    private static final JwtEncoder ENCODER = encoder(SECRET);

    private TestTokens() {
    }

    public static String bearer(String userId) {
        return "Bearer " + token(ENCODER, claims(userId, "parley", "parley-api", Duration.ofMinutes(5)));
    }

    /** A token of a user whose account has the admin role (in controller slice tests: {@link TestAccountStates}). */
    public static String admin(String userId) {
        TestAccountStates.ADMINS.add(userId);
        return "Bearer " + token(ENCODER, JwtClaimsSet.from(claims(userId, "parley", "parley-api",
                Duration.ofMinutes(5))).claim("roles", List.of("USER", "ADMIN")).build());
    }

    /** A valid token of the user that expires after {@code validFor}. */
    public static String expiringIn(String userId, Duration validFor) {
        return "Bearer " + token(ENCODER, claims(userId, "parley", "parley-api", validFor));
    }

    public static String expired(String userId) {
        return "Bearer " + token(ENCODER, claims(userId, "parley", "parley-api", Duration.ofMinutes(-5)));
    }

    public static String wrongAudience(String userId) {
        return "Bearer " + token(ENCODER, claims(userId, "parley", "someone-else", Duration.ofMinutes(5)));
    }

    public static String wrongIssuer(String userId) {
        return "Bearer " + token(ENCODER, claims(userId, "mallory", "parley-api", Duration.ofMinutes(5)));
    }

    public static String wrongKey(String userId) {
        JwtEncoder other = encoder("another-secret-that-is-long-enough-for-hs256");
        return "Bearer " + token(other, claims(userId, "parley", "parley-api", Duration.ofMinutes(5)));
    }

    private static JwtClaimsSet claims(String userId, String issuer, String audience, Duration validFor) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(validFor);
        return JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(userId)
                .issuedAt(validFor.isNegative() ? expiresAt.minus(Duration.ofMinutes(10)) : now)
                .expiresAt(expiresAt)
                .claim("roles", List.of("USER"))
                .build();
    }

    private static String token(JwtEncoder encoder, JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static JwtEncoder encoder(String secret) {
        return NimbusJwtEncoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")).algorithm(MacAlgorithm.HS256).build();
    }
}
