package dev.parley.ingress.auth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.parley.ingress.web.ApiProblem;

/** Sign-up, sign-in and the token lifecycle. Failures never tell which of email or password was wrong. */
@Service
class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String BAD_CREDENTIALS = "Invalid email or password";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TokenIssuer tokenIssuer;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;
    // compared against when the email is unknown, so that both failures take as long as a real check
    private final String decoyHash;

    AuthService(UserRepository users, PasswordEncoder passwordEncoder, TokenIssuer tokenIssuer,
            RefreshTokenStore refreshTokens, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokenIssuer = tokenIssuer;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-matches");
    }

    UserResponse register(RegisterRequest request) {
        String email = normalize(request.email());
        UserDocument user = new UserDocument(new ObjectId().toHexString(), email,
                passwordEncoder.encode(request.password()), displayName(request.displayName(), email),
                List.of(UserDocument.ROLE_USER), clock.instant());
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("An account with this email already exists");
        }
        log.info("Registered user {}", user.id());
        return UserResponse.of(user);
    }

    TokenResponse login(LoginRequest request) {
        Optional<UserDocument> user = users.findByEmail(normalize(request.email()));
        String hash = user.map(UserDocument::passwordHash).orElse(decoyHash);
        if (!passwordEncoder.matches(request.password(), hash) || user.isEmpty()) {
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        return tokenIssuer.issue(user.get());
    }

    TokenResponse refresh(RefreshRequest request) {
        return refreshTokens.consume(request.refreshToken())
                .flatMap(users::findById)
                .map(tokenIssuer::issue)
                .orElseThrow(() -> ApiProblem.unauthorized("The refresh token is invalid or expired"));
    }

    void logout(String userId, RefreshRequest request) {
        refreshTokens.revoke(userId, request.refreshToken());
    }

    MeResponse me(String userId) {
        // a valid token for a user that no longer exists is as good as no token
        return users.findById(userId).map(MeResponse::of)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists"));
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String displayName(String requested, String email) {
        return requested == null || requested.isBlank() ? email.substring(0, email.indexOf('@')) : requested.trim();
    }
}
