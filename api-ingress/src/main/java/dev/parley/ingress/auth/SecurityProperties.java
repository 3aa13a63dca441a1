package dev.parley.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings.
 *
 * @param jwtSecret HMAC key of the access tokens (PARLEY_JWT_SECRET), at least 32 bytes as HS256 requires
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token; each refresh replaces it with a new one
 * @param adminEmails accounts with these emails get the admin role when they register or sign in
 *        (PARLEY_ADMIN_EMAILS, comma-separated): how the first administrators come to be
 */
@Validated
@ConfigurationProperties("parley.security")
record SecurityProperties(
        String jwtSecret,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
        @DefaultValue List<String> adminEmails) {

    static final int MIN_SECRET_BYTES = 32;

    // A constraint on the secret itself would print its value in the startup failure report.
    @AssertTrue(message = "parley.security.jwt-secret (PARLEY_JWT_SECRET) must be set to at least 32 bytes")
    boolean isJwtSecretStrongEnough() {
        return jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=<hidden>, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + ", adminEmails=" + adminEmails + "]";
    }
}
