package dev.parley.ingress.admin.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.ingress.apikey.ApiKeyRevocation;
import dev.parley.ingress.auth.UserAccount;
import dev.parley.ingress.auth.UserAccounts;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/** Account administration, with the one rule accounts cannot know: an admin never locks themselves out. */
@Service
class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final UserAccounts accounts;
    private final ApiKeyRevocation apiKeys;

    AdminUserService(UserAccounts accounts, ApiKeyRevocation apiKeys) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    PageResponse<UserAccount> list(String emailPrefix, int page, int size) {
        return accounts.list(emailPrefix, page, size);
    }

    UserAccount get(String userId) {
        return accounts.get(userId);
    }

    UserAccount update(String adminId, String userId, UpdateUserRequest request) {
        if (adminId.equals(userId) && request.roles() != null) {
            throw ApiProblem.conflict("You cannot change your own roles");
        }
        if (adminId.equals(userId) && Boolean.TRUE.equals(request.disabled())) {
            throw ApiProblem.conflict("You cannot disable yourself");
        }
        return accounts.update(userId, request.displayName(), request.roles(), request.disabled());
    }

    UserAccount setDisabled(String adminId, String userId, boolean disabled) {
        if (disabled && adminId.equals(userId)) {
            throw ApiProblem.conflict("You cannot disable yourself");
        }
        return accounts.setDisabled(userId, disabled);
    }

    void delete(String adminId, String userId) {
        if (adminId.equals(userId)) {
            throw ApiProblem.conflict("You cannot delete yourself");
        }
        accounts.delete(userId);
        long revoked = apiKeys.revokeAll(userId);
        log.info("Admin {} deleted account {} ({} API keys revoked)", adminId, userId, revoked);
    }
}
