package dev.parley.ingress.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.parley.ingress.limit.LoginThrottle;
import dev.parley.platform.problem.ApiProblem;

/** The signed-in user's own account: reading it, renaming it, changing its password. */
@Service
class ProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

    private final UserRepository users;
    private final UserWrites writes;
    private final PasswordEncoder passwordEncoder;
    private final RefreshTokenStore refreshTokens;
    private final LoginThrottle throttle;

    ProfileService(UserRepository users, UserWrites writes, PasswordEncoder passwordEncoder,
            RefreshTokenStore refreshTokens, LoginThrottle throttle) {
        this.users = users;
        this.writes = writes;
        this.passwordEncoder = passwordEncoder;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    MeResponse me(String userId) {
        return MeResponse.of(account(userId));
    }

    MeResponse update(String userId, UpdateProfileRequest request) {
        UserDocument user = account(userId);
        if (request.displayName() == null) {
            return MeResponse.of(user);
        }
        if (request.displayName().isBlank()) {
            throw ApiProblem.validation("displayName", "must not be blank");
        }
        return MeResponse.of(writes.updateActive(userId, Update.update("displayName", request.displayName().trim()))
                .orElseThrow(ProfileService::gone));
    }

    /**
     * A wrong current password counts against the sign-in throttle of the account's email, so that a stolen
     * access token cannot be used to guess it either. Every refresh token of the user dies with the old password.
     */
    void changePassword(String userId, ChangePasswordRequest request, String clientAddress) {
        UserDocument user = account(userId);
        String throttleKey = user.email() == null ? user.id() : user.email();
        throttle.attempt(throttleKey, clientAddress);
        if (user.passwordHash() == null || !passwordEncoder.matches(request.currentPassword(), user.passwordHash())) {
            throw ApiProblem.validation("currentPassword", "is not correct");
        }
        throttle.succeeded(throttleKey, clientAddress);
        // conditional on the hash just checked: of two concurrent changes, the second is refused, not lost
        writes.replacePassword(userId, user.passwordHash(), passwordEncoder.encode(request.newPassword()))
                .orElseThrow(() -> ApiProblem.conflict("The password changed meanwhile; sign in again"));
        refreshTokens.revokeAll(userId);
        log.info("User {} changed the password; all refresh tokens revoked", userId);
    }

    private UserDocument account(String userId) {
        // a valid token for a user that no longer exists is as good as no token
        return users.findById(userId).filter(UserDocument::active).orElseThrow(ProfileService::gone);
    }

    private static ApiProblem gone() {
        return ApiProblem.unauthorized("The account of this token no longer exists");
    }
}
