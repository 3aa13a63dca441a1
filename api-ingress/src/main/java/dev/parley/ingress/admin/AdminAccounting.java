package dev.parley.ingress.admin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.BalanceRequest;
import dev.parley.contracts.accounting.BalanceResponse;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.contracts.accounting.Membership;
import dev.parley.contracts.accounting.PriceTable;
import dev.parley.contracts.accounting.RefillSettings;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.ingress.auth.UserDirectory;
import dev.parley.platform.problem.ApiProblem;

/**
 * Administration of credits through usage-accounting's admin API, in the accounting-api contract's records. Users
 * are named by their Parley id and must exist here: accounting would open an account for any id, so an unknown one
 * is refused before it gets there.
 */
@Service
public class AdminAccounting {

    /** The keys a usage report groups by: one, or several comma-separated ({@code model,user}). */
    public static final String GROUPS = "(day|month|user|organisation|model)(,(day|month|user|organisation|model))*";

    private final AccountingApi api;
    private final UserDirectory users;

    AdminAccounting(AccountingApi api, UserDirectory users) {
        this.api = api;
        this.users = users;
    }

    /** The user's account as the user sees it on /api/me/usage: balance, reserved, refill, totals. */
    public AccountResponse account(String userId) {
        requireUser(userId);
        return api.call(accounting -> accounting.account(userId));
    }

    public BalanceResponse setBalance(String userId, long balance) {
        requireUser(userId);
        return api.call(accounting -> accounting.setBalance(userId, new BalanceRequest(balance)));
    }

    public RefillSettings setRefill(String userId, RefillRequest refill) {
        requireUser(userId);
        return api.call(accounting -> accounting.setRefill(userId, refill.toAccounting()));
    }

    GrantResponse grant(String userId, GrantRequest grant) {
        requireUser(userId);
        return api.call(accounting -> accounting.grant(userId, grant.toAccounting()));
    }

    AccountResponse setOrganisation(String userId, String organisationId) {
        requireUser(userId);
        return api.call(accounting -> accounting.setOrganisation(userId, new Membership(organisationId)));
    }

    TransactionPage transactions(LocalDate from, LocalDate to, String userId, int page, int size) {
        return api.call(accounting -> accounting.allTransactions(userId, from, to, page, size));
    }

    /** Usage over a date range; {@code groupBy} is day, month, user, organisation or model. */
    public UsageReport usage(LocalDate from, LocalDate to, String groupBy, String userId) {
        return api.call(accounting -> accounting.allUsage(from, to, groupBy, userId));
    }

    PriceTable prices() {
        return api.call(accounting -> accounting.prices());
    }

    /**
     * Credits of a page of users at once (balance, reserved, available, refill, grants not expired), by user id; a
     * user accounting has never seen is missing.
     */
    public Map<String, AccountOverview> accounts(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, AccountOverview> byUser = new HashMap<>();
        api.call(accounting -> accounting.accounts(userIds))
                .forEach(overview -> byUser.put(overview.account().userId(), overview));
        return byUser;
    }

    /** Every grant of the user, newest first (at most 100). */
    public List<GrantResponse> grants(String userId) {
        requireUser(userId);
        return api.call(accounting -> accounting.grants(userId));
    }

    private void requireUser(String userId) {
        if (!users.exists(userId)) {
            throw ApiProblem.notFound("User " + userId + " not found");
        }
    }
}
