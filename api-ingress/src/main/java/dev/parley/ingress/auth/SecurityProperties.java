package dev.parley.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
 * @param refreshTokenTtl lifetime of a refresh token; each refresh replaces it with a new one of its family
 * @param adminToken the one-time proof that makes a signed-in user the first admin (PARLEY_ADMIN_TOKEN, redeemed
 *        with {@code POST /api/admin/bootstrap}); blank: no bootstrap
 * @param accountCacheTtl how long an account's roles and state, and an API key, are cached per instance: the
 *        longest another instance keeps honouring a change
 */
@Validated
@ConfigurationProperties("parley.security")
record SecurityProperties(
        String jwtSecret,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
        String adminToken,
        @DefaultValue("5s") @NotNull Duration accountCacheTtl) {

    static final int MIN_SECRET_BYTES = 32;

    // A constraint on the secret itself would print its value in the startup failure report.
    @AssertTrue(message = "parley.security.jwt-secret (PARLEY_JWT_SECRET) must be set to at least 32 bytes")
    boolean isJwtSecretStrongEnough() {
        return jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    @AssertTrue(message = "parley.security.admin-token (PARLEY_ADMIN_TOKEN) must be blank or at least 32 bytes")
    boolean isAdminTokenStrongEnough() {
        return adminToken == null || adminToken.isBlank()
                || adminToken.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=<hidden>, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + ", adminToken=<hidden>, accountCacheTtl=" + accountCacheTtl + "]";
    }
}
