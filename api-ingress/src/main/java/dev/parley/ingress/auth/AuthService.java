package dev.parley.ingress.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.parley.ingress.limit.LoginThrottle;
import dev.parley.platform.problem.ApiProblem;

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
    private final LoginThrottle throttle;
    private final Registrations registrations;
    // compared against when the email is unknown, so that both failures take as long as a real check
    private final String decoyHash;

    AuthService(UserRepository users, PasswordEncoder passwordEncoder, TokenIssuer tokenIssuer,
            RefreshTokenStore refreshTokens, Clock clock, LoginThrottle throttle, Registrations registrations) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokenIssuer = tokenIssuer;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.throttle = throttle;
        this.registrations = registrations;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-matches");
    }

    /**
     * Admits the registration (mode, invitation, per-address limit), creates the user, then opens its account with
     * the admission's credits; when that fails the user is removed again, so that no account exists without them.
     */
    UserResponse register(RegisterRequest request, String clientAddress) {
        String email = normalize(request.email());
        Registrations.Admission admission = registrations.admit(email, request.inviteCode(), clientAddress);
        UserDocument user = new UserDocument(new ObjectId().toHexString(), email,
                passwordEncoder.encode(request.password()), displayName(request.displayName(), email),
                List.of(UserDocument.ROLE_USER), clock.instant(), null, false, null);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            registrations.abandon(admission);
            throw ApiProblem.conflict("An account with this email already exists");
        }
        try {
            registrations.grant(user.id(), admission);
        } catch (RuntimeException e) {
            users.deleteById(user.id());
            registrations.abandon(admission);
            throw e;
        }
        log.info("Registered user {} with {} starting credits", user.id(), admission.startingBalance());
        return UserResponse.of(user);
    }

    /**
     * A disabled or deleted account fails exactly like a wrong password. The attempt is counted before the password
     * is checked, so parallel guesses cannot all be evaluated; a right password clears the count.
     */
    TokenResponse login(LoginRequest request, String clientAddress) {
        String email = normalize(request.email());
        throttle.attempt(email, clientAddress);
        Optional<UserDocument> user = users.findByEmail(email).filter(UserDocument::active);
        // a user created by an outside system has no password yet: it cannot sign in with one
        String hash = user.map(UserDocument::passwordHash).orElse(null);
        if (!passwordEncoder.matches(request.password(), hash == null ? decoyHash : hash) || hash == null) {
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        throttle.succeeded(email, clientAddress);
        return tokenIssuer.issue(user.get());
    }

    /** Exchanges a refresh token for the next pair of its family; a used one coming back revokes the family. */
    TokenResponse refresh(RefreshRequest request) {
        var rotation = refreshTokens.use(request.refreshToken())
                .orElseThrow(() -> ApiProblem.unauthorized("The refresh token is invalid or expired"));
        return users.findById(rotation.userId())
                .filter(UserDocument::active)
                .map(user -> tokenIssuer.issue(user, rotation.familyId()))
                .orElseThrow(() -> ApiProblem.unauthorized("The refresh token is invalid or expired"));
    }

    void logout(String userId, RefreshRequest request) {
        refreshTokens.revoke(userId, request.refreshToken());
    }

    private static String normalize(String email) {
        return Emails.normalize(email);
    }

    private static String displayName(String requested, String email) {
        return requested == null || requested.isBlank() ? email.substring(0, email.indexOf('@')) : requested.trim();
    }
}
