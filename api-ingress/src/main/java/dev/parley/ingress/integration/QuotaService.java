package dev.parley.ingress.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.ingress.admin.AdminAccounting;
import dev.parley.contracts.accounting.BalanceResponse;
import dev.parley.ingress.auth.ExternalUser;
import dev.parley.ingress.auth.UserDirectory;

/**
 * Sets a quota by the outside system's user id: ingress owns the mapping (the user's {@code externalId}), creating
 * the user on first sight, and accounting keeps the credits under the Parley user id. Repeating a call sets the
 * same quota again, so an outside system may simply retry.
 */
@Service
class QuotaService {

    private static final Logger log = LoggerFactory.getLogger(QuotaService.class);

    private final UserDirectory users;
    private final AdminAccounting accounting;

    QuotaService(UserDirectory users, AdminAccounting accounting) {
        this.users = users;
        this.accounting = accounting;
    }

    QuotaResponse setQuota(String externalId, QuotaRequest request) {
        ExternalUser user = users.findOrCreateExternal(externalId, request.email(), request.displayName());
        if (request.refill() != null) {
            accounting.setRefill(user.userId(), request.refill());
        }
        BalanceResponse balance = accounting.setBalance(user.userId(), request.balance());
        log.info("Quota of external user {} (user {}) set to {} credits", externalId, user.userId(),
                request.balance());
        return new QuotaResponse(externalId, user.userId(), balance.balance(), balance.available(), user.created());
    }
}
