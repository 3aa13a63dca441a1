package dev.parley.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class JwtConfigTest {

    static final String SECRET = "a-secret-of-more-than-sixty-four-bytes-so-that-hs512-also-accepts-it";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(JwtConfig.class);

    @Test
    void missingOrShortSecretStopsStartupWithoutShowingIt() {
        runner.run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("parley.security.jwt-secret=short-secret-value-31-bytes-xx").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32 bytes");
            assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain("short-secret-value");
        });
    }

    @Test
    void decoderAcceptsItsOwnTokensAndPinsHs256IssuerAndAudience() {
        runner.withPropertyValues("parley.security.jwt-secret=" + SECRET).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            JwtEncoder encoder = context.getBean(JwtEncoder.class);

            String valid = token(encoder, MacAlgorithm.HS256, "parley", "parley-api");
            assertThat(decoder.decode(valid).getSubject()).isEqualTo("u1");

            JwtEncoder hs512 = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(
                    SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512")).algorithm(MacAlgorithm.HS512).build();
            assertThatThrownBy(() -> decoder.decode(token(hs512, MacAlgorithm.HS512, "parley", "parley-api")))
                    .isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(token(encoder, MacAlgorithm.HS256, "other", "parley-api")))
                    .isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(token(encoder, MacAlgorithm.HS256, "parley", "other")))
                    .isInstanceOf(JwtException.class);
        });
    }

    private static String token(JwtEncoder encoder, MacAlgorithm algorithm, String issuer, String audience) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject("u1")
                .issuedAt(now).expiresAt(now.plusSeconds(60)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims)).getTokenValue();
    }

    private static String stackTraceOf(Throwable failure) {
        var out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
