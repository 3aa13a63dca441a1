package dev.parley.ingress.admin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;

import dev.parley.ingress.auth.UserDirectory;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.accounting.AccountSnapshot;
import tools.jackson.databind.JsonNode;

/**
 * Administration of credits through usage-accounting's admin API. Users are named by their Parley id and must
 * exist here: accounting would open an account for any id, so an unknown one is refused before it gets there.
 * Reports and ledger pages are passed on as accounting shapes them.
 */
@Service
public class AdminAccounting {

    /** The keys a usage report groups by: one, or several comma-separated ({@code model,user}). */
    public static final String GROUPS = "(day|month|user|organisation|model)(,(day|month|user|organisation|model))*";

    private static final String ACCOUNT = "/internal/admin/accounts/{accountId}";

    private final AccountingApi api;
    private final UserDirectory users;

    AdminAccounting(AccountingApi api, UserDirectory users) {
        this.api = api;
        this.users = users;
    }

    /** The user's account as the user sees it on /api/me/usage: balance, reserved, refill, totals. */
    public AccountSnapshot account(String userId) {
        requireUser(userId);
        return api.get(AccountSnapshot.class, uri -> uri.path("/internal/accounts/{userId}").build(userId));
    }

    public BalanceResponse setBalance(String userId, long balance) {
        requireUser(userId);
        return api.send(HttpMethod.PUT, Map.of("balance", balance), BalanceResponse.class,
                uri -> uri.path(ACCOUNT + "/balance").build(userId));
    }

    public JsonNode setRefill(String userId, RefillRequest refill) {
        requireUser(userId);
        return api.send(HttpMethod.PUT, refill.toAccounting(), JsonNode.class,
                uri -> uri.path(ACCOUNT + "/refill").build(userId));
    }

    JsonNode grant(String userId, GrantRequest grant) {
        requireUser(userId);
        return api.send(HttpMethod.POST, grant, JsonNode.class, uri -> uri.path(ACCOUNT + "/grants").build(userId));
    }

    JsonNode setOrganisation(String userId, String organisationId) {
        requireUser(userId);
        return api.send(HttpMethod.PUT, new OrganisationRequest(organisationId), JsonNode.class,
                uri -> uri.path(ACCOUNT + "/organisation").build(userId));
    }

    JsonNode transactions(LocalDate from, LocalDate to, String userId, int page, int size) {
        return api.get(JsonNode.class, uri -> uri.path("/internal/admin/transactions")
                .queryParam("page", page).queryParam("size", size)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .queryParamIfPresent("userId", Optional.ofNullable(userId))
                .build());
    }

    /** Usage over a date range; {@code groupBy} is day, month, user, organisation or model. */
    public JsonNode usage(LocalDate from, LocalDate to, String groupBy, String userId) {
        return api.get(JsonNode.class, uri -> uri.path("/internal/admin/usage")
                .queryParam("groupBy", groupBy)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .queryParamIfPresent("userId", Optional.ofNullable(userId))
                .build());
    }

    JsonNode prices() {
        return api.get(JsonNode.class, uri -> uri.path("/internal/admin/prices").build());
    }

    /**
     * Credits of a page of users at once (balance, reserved, available, refill, grants not expired), by user id; a
     * user accounting has never seen is missing.
     */
    public Map<String, JsonNode> accounts(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        JsonNode accounts = api.get(JsonNode.class, uri -> uri.path("/internal/admin/accounts")
                .queryParam("ids", String.join(",", userIds)).build());
        Map<String, JsonNode> byUser = new HashMap<>();
        accounts.valueStream().forEach(account -> byUser.put(account.get("userId").asText(), account));
        return byUser;
    }

    /** Every grant of the user, newest first (at most 100). */
    public JsonNode grants(String userId) {
        requireUser(userId);
        return api.get(JsonNode.class, uri -> uri.path(ACCOUNT + "/grants").build(userId));
    }

    private void requireUser(String userId) {
        if (!users.exists(userId)) {
            throw ApiProblem.notFound("User " + userId + " not found");
        }
    }
}
