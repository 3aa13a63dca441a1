package dev.parley.ingress.admin.users;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.ingress.admin.AdminAccounting;
import dev.parley.ingress.apikey.ApiKeyRevocation;
import dev.parley.ingress.auth.UserAccount;
import dev.parley.ingress.auth.UserAccounts;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/** Account administration, with the one rule accounts cannot know: an admin never locks themselves out. */
@Service
class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final UserAccounts accounts;
    private final ApiKeyRevocation apiKeys;
    private final AdminAccounting accounting;

    AdminUserService(UserAccounts accounts, ApiKeyRevocation apiKeys, AdminAccounting accounting) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.accounting = accounting;
    }

    /** A page of accounts with their credits; without them when usage-accounting does not answer. */
    PageResponse<AdminUserView> list(String emailPrefix, int page, int size) {
        PageResponse<UserAccount> users = accounts.list(emailPrefix, page, size);
        Map<String, AccountOverview> credits = creditsOf(users.items().stream().map(UserAccount::id).toList());
        return new PageResponse<>(users.items().stream()
                .map(user -> new AdminUserView(user, credits.get(user.id()), null)).toList(),
                users.page(), users.size(), users.total());
    }

    AdminUserView get(String userId) {
        UserAccount user = accounts.get(userId);
        AccountOverview credits = creditsOf(List.of(userId)).get(userId);
        return new AdminUserView(user, credits, credits == null ? null : accounting.grants(userId));
    }

    private Map<String, AccountOverview> creditsOf(List<String> userIds) {
        try {
            return accounting.accounts(userIds);
        } catch (ApiProblem unavailable) {
            // the accounts themselves can still be managed while accounting is away
            log.warn("Credits left out of the admin user list: {}", unavailable.getMessage());
            return Map.of();
        }
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
