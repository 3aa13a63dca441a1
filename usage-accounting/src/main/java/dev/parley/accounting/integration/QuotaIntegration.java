package dev.parley.accounting.integration;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.balance.BalanceService;
import dev.parley.accounting.grant.RefillService;

/** Sets quotas from an outside system by its own user ids, creating the user's account on first sight. */
@Service
class QuotaIntegration {

    static final String COLLECTION = "external_accounts";

    private final MongoOperations mongo;
    private final BalanceService balances;
    private final RefillService refills;
    private final Clock clock;

    QuotaIntegration(MongoOperations mongo, BalanceService balances, RefillService refills, Clock clock) {
        this.mongo = mongo;
        this.balances = balances;
        this.refills = refills;
        this.clock = clock;
    }

    QuotaResponse setQuota(String externalId, QuotaRequest request) {
        ExternalAccount known = mongo.findById(externalId, ExternalAccount.class);
        boolean created = false;
        if (known == null) {
            try {
                known = mongo.insert(new ExternalAccount(externalId, "ext-" + UUID.randomUUID(), clock.instant()));
                created = true;
            } catch (DuplicateKeyException concurrentlyCreated) {
                known = mongo.findById(externalId, ExternalAccount.class);
            }
        }
        if (request.refill() != null) {
            refills.configure(known.userId(), request.refill());
        }
        Account account = balances.setBalance(known.userId(), request.balance(), "INTEGRATION");
        return new QuotaResponse(externalId, known.userId(), account.balance(), account.available(), created);
    }
}
