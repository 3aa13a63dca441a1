package dev.parley.ingress.auth;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/**
 * Account administration: listing, roles, disabling and soft deletion. Disabling or deleting ends the account's
 * sessions (refresh tokens); its access tokens are refused from then on (see {@link AccountStates}).
 */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    static final Set<String> ROLES = Set.of(UserDocument.ROLE_USER, UserDocument.ROLE_ADMIN);

    private final UserRepository users;
    private final UserWrites writes;
    private final MongoTemplate mongo;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;

    UserAccounts(UserRepository users, UserWrites writes, MongoTemplate mongo, RefreshTokenStore refreshTokens,
            Clock clock) {
        this.users = users;
        this.writes = writes;
        this.mongo = mongo;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** Newest first; {@code emailPrefix} (optional) matches the start of the email, ignoring case. */
    public PageResponse<UserAccount> list(String emailPrefix, int page, int size) {
        Query query = new Query();
        if (emailPrefix != null && !emailPrefix.isBlank()) {
            query.addCriteria(Criteria.where("email")
                    .regex("^" + Pattern.quote(Emails.normalize(emailPrefix))));
        }
        long total = mongo.count(query, UserDocument.class);
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        List<UserDocument> found = mongo.find(query.with(pageable), UserDocument.class);
        return PageResponse.of(new PageImpl<>(found, pageable, total), UserAccount::of);
    }

    public UserAccount get(String userId) {
        return UserAccount.of(find(userId));
    }

    /** Absent values stay as they are; {@code USER} is always kept. Only the given fields are written. */
    public UserAccount update(String userId, String displayName, List<String> roles, Boolean disabled) {
        Update update = new Update();
        if (displayName != null) {
            update.set("displayName", displayName.trim());
        }
        if (roles != null) {
            update.set("roles", normalizeRoles(roles));
        }
        if (disabled != null) {
            update.set("disabled", disabled);
        }
        if (update.getUpdateObject().isEmpty()) {
            return UserAccount.of(live(userId));
        }
        UserDocument saved = writes.updateLive(userId, update).orElseThrow(() -> {
            live(userId);
            return ApiProblem.notFound("User " + userId + " not found");
        });
        if (saved.disabled()) {
            refreshTokens.revokeAll(userId);
        }
        log.info("Account {} updated: roles {}, disabled {}", userId, saved.roles(), saved.disabled());
        return UserAccount.of(saved);
    }

    public UserAccount setDisabled(String userId, boolean disabled) {
        return update(userId, null, null, disabled);
    }

    /** Soft deletion: the account stays for the ledger and its history, but is dead for good. */
    public UserAccount delete(String userId) {
        UserDocument user = writes.markDeleted(userId, clock.instant()).orElseGet(() -> find(userId));
        log.info("Account {} deleted", userId);
        refreshTokens.revokeAll(userId);
        return UserAccount.of(user);
    }

    private UserDocument live(String userId) {
        UserDocument user = find(userId);
        if (user.deletedAt() != null) {
            throw ApiProblem.conflict("Account " + userId + " is deleted");
        }
        return user;
    }

    private UserDocument find(String userId) {
        return users.findById(userId).orElseThrow(() -> ApiProblem.notFound("User " + userId + " not found"));
    }

    private static List<String> normalizeRoles(List<String> roles) {
        Set<String> normalized = new LinkedHashSet<>();
        normalized.add(UserDocument.ROLE_USER);
        for (String role : roles) {
            if (role == null || !ROLES.contains(role)) {
                throw ApiProblem.validation("roles", "must each be one of " + ROLES);
            }
            normalized.add(role);
        }
        return List.copyOf(normalized);
    }
}
