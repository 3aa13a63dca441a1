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

import dev.parley.ingress.limit.LoginThrottle;
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
    private final AdminEmails adminEmails;
    private final LoginThrottle throttle;
    // compared against when the email is unknown, so that both failures take as long as a real check
    private final String decoyHash;

    AuthService(UserRepository users, PasswordEncoder passwordEncoder, TokenIssuer tokenIssuer,
            RefreshTokenStore refreshTokens, SecurityProperties properties, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokenIssuer = tokenIssuer;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.throttle = throttle;
        this.adminEmails = new AdminEmails(properties.adminEmails());
        this.decoyHash = passwordEncoder.encode("decoy-password-never-matches");
    }

    UserResponse register(RegisterRequest request) {
        String email = normalize(request.email());
        UserDocument user = new UserDocument(new ObjectId().toHexString(), email,
                passwordEncoder.encode(request.password()), displayName(request.displayName(), email),
                rolesFor(email), clock.instant(), null, false, null);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("An account with this email already exists");
        }
        log.info("Registered user {} with roles {}", user.id(), user.roles());
        return UserResponse.of(user);
    }

    /** A disabled or deleted account fails exactly like a wrong password, and counts as a failed attempt. */
    TokenResponse login(LoginRequest request, String clientAddress) {
        String email = normalize(request.email());
        throttle.check(email, clientAddress);
        Optional<UserDocument> user = users.findByEmail(email).filter(UserDocument::active);
        // a user created by an outside system has no password yet: it cannot sign in with one
        String hash = user.map(UserDocument::passwordHash).orElse(null);
        if (!passwordEncoder.matches(request.password(), hash == null ? decoyHash : hash) || hash == null) {
            throttle.failed(email, clientAddress);
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        return tokenIssuer.issue(promoteIfAdmin(user.get()));
    }

    TokenResponse refresh(RefreshRequest request) {
        return refreshTokens.consume(request.refreshToken())
                .flatMap(users::findById)
                .filter(UserDocument::active)
                .map(tokenIssuer::issue)
                .orElseThrow(() -> ApiProblem.unauthorized("The refresh token is invalid or expired"));
    }

    void logout(String userId, RefreshRequest request) {
        refreshTokens.revoke(userId, request.refreshToken());
    }

    private List<String> rolesFor(String email) {
        return adminEmails.contains(email) ? List.of(UserDocument.ROLE_USER, UserDocument.ROLE_ADMIN)
                : List.of(UserDocument.ROLE_USER);
    }

    /** An account whose email was made an admin email after it registered becomes admin at its next sign-in. */
    private UserDocument promoteIfAdmin(UserDocument user) {
        if (!adminEmails.contains(user.email()) || user.roles().contains(UserDocument.ROLE_ADMIN)) {
            return user;
        }
        log.info("User {} has a configured admin email: granting the admin role", user.id());
        return users.save(user.withRole(UserDocument.ROLE_ADMIN));
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String displayName(String requested, String email) {
        return requested == null || requested.isBlank() ? email.substring(0, email.indexOf('@')) : requested.trim();
    }
}
