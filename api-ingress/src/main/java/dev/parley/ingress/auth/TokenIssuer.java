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

    TokenResponse issue(UserDocument user) {
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
        return new TokenResponse(accessToken, refreshTokens.issue(user.id()), "Bearer",
                properties.accessTokenTtl().toSeconds());
    }
}
