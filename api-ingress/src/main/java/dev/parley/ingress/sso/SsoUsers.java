package dev.parley.ingress.sso;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.parley.contracts.accounting.GrantRequest;
import dev.parley.contracts.accounting.Membership;
import dev.parley.contracts.accounting.OpenAccountRequest;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.ingress.auth.ExternalUser;
import dev.parley.ingress.auth.UserAccount;
import dev.parley.ingress.auth.UserAccounts;
import dev.parley.ingress.auth.UserDirectory;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * The Parley user behind an outside identity: found by external id (a unique index), created on first sight with
 * the issuer's starting balance and grant, and kept in line with the token's organisation and (if trusted) admin
 * role. Remembered per external id, so that a user's requests read nothing while the entry lives and the token
 * says the same; what the token changes is written then.
 */
@Component
class SsoUsers {

    private static final Logger log = LoggerFactory.getLogger(SsoUsers.class);
    private static final long MAX_USERS = 100_000;
    private static final String ROLE_USER = "USER";
    private static final String ROLE_ADMIN = "ADMIN";

    /** What this instance last made sure of for an external id. */
    private record Linked(String userId, String organisation, Boolean admin) {
    }

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final AccountingApi accounting;
    private final long defaultStartingBalance;
    private final Clock clock;
    private final Cache<String, Linked> linked;

    /** @param defaultStartingBalance what an open registration starts with, for issuers that name no amount */
    SsoUsers(UserDirectory directory, UserAccounts accounts, AccountingApi accounting, SsoProperties properties,
            @Value("${parley.registration.open-starting-balance:100000}") long defaultStartingBalance, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.accounting = accounting;
        this.defaultStartingBalance = defaultStartingBalance;
        this.clock = clock;
        this.linked = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterWrite(properties.userCacheTtl()).build();
    }

    /** @return the user id */
    String link(IssuerProperties issuer, OutsideIdentity identity) {
        Linked known = linked.getIfPresent(identity.externalId());
        if (known != null && Objects.equals(known.organisation(), identity.organisation())
                && Objects.equals(known.admin(), identity.admin())) {
            return known.userId();
        }
        ExternalUser user = findOrCreate(identity);
        try {
            if (known == null) {
                openAccount(issuer, user);
            }
            applyOrganisation(user.userId(), identity.organisation(), known);
            applyAdmin(user.userId(), identity.admin());
            linked.put(identity.externalId(), new Linked(user.userId(), identity.organisation(), identity.admin()));
        } catch (ApiProblem accountingAway) {
            // signed in all the same; the next request tries again, as nothing was remembered
            log.warn("Could not settle credits of outside user {}: {}", user.userId(), accountingAway.getMessage());
        }
        return user.userId();
    }

    /**
     * An email that is already another account's is left off the new user rather than linking the two: an issuer
     * saying an address is not proof that its user owns the Parley account with it.
     */
    private ExternalUser findOrCreate(OutsideIdentity identity) {
        try {
            return directory.findOrCreateExternal(identity.externalId(), identity.email(), identity.name());
        } catch (ApiProblem problem) {
            if (problem.kind() != ProblemKind.CONFLICT || identity.email() == null) {
                throw problem;
            }
            return directory.findOrCreateExternal(identity.externalId(), null, identity.name());
        }
    }

    /** Idempotent at accounting: an account that exists keeps its balance, a grant id is granted once. */
    private void openAccount(IssuerProperties issuer, ExternalUser user) {
        long balance = issuer.startingBalance() != null ? issuer.startingBalance() : defaultStartingBalance;
        accounting.call(api -> api.openAccount(user.userId(), new OpenAccountRequest(balance)));
        if (issuer.grant() > 0) {
            var grant = new GrantRequest("sso-welcome:" + user.userId(), issuer.grant(), null,
                    issuer.grantValidity() == null ? null : clock.instant().plus(issuer.grantValidity()));
            accounting.call(api -> api.grant(user.userId(), grant));
        }
        if (user.created()) {
            log.info("Outside user {} signed in first as {}", user.externalId(), user.userId());
        }
    }

    private void applyOrganisation(String userId, String organisation, Linked known) {
        if (organisation == null || known != null && organisation.equals(known.organisation())) {
            return;
        }
        accounting.call(api -> api.setOrganisation(userId, new Membership(organisation)));
    }

    private void applyAdmin(String userId, Boolean admin) {
        if (admin == null) {
            return;
        }
        UserAccount account = accounts.get(userId);
        List<String> roles = new ArrayList<>(account.roles() == null ? List.of(ROLE_USER) : account.roles());
        if (admin == roles.contains(ROLE_ADMIN)) {
            return;
        }
        if (admin) {
            roles.add(ROLE_ADMIN);
        } else {
            roles.remove(ROLE_ADMIN);
        }
        accounts.update(userId, null, roles, null);
        log.info("Outside user {} is {} admin, as its trusted issuer says", userId, admin ? "now an" : "no longer an");
    }
}
