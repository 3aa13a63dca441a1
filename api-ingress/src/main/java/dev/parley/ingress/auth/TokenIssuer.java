package dev.parley.ingress.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the access token / refresh token pair of a signed-in user. */
@Component
class TokenIssuer {

    private final JwtEncoder jwtEncoder;
    private final RefreshTokenStore refreshTokens;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenIssuer(JwtEncoder jwtEncoder, RefreshTokenStore refreshTokens, SecurityProperties properties, Clock clock) {
        this.jwtEncoder = jwtEncoder;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new sign-in: a new refresh-token family. */
    TokenResponse issue(UserDocument user) {
        return pair(user, refreshTokens.issue(user.id()));
    }

    /** A refresh: the next token of the same family. */
    TokenResponse issue(UserDocument user, String familyId) {
        return pair(user, refreshTokens.issue(user.id(), familyId));
    }

    private TokenResponse pair(UserDocument user, String refreshToken) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(JwtConfig.ISSUER)
                .audience(List.of(JwtConfig.AUDIENCE))
                .subject(user.id())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(JwtConfig.ROLES_CLAIM, user.roles())
                .build();
        String accessToken = jwtEncoder
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenResponse(accessToken, refreshToken, "Bearer",
                properties.accessTokenTtl().toSeconds());
    }
}
