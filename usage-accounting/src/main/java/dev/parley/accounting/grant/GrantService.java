package dev.parley.accounting.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.balance.BalanceChanges;
import dev.parley.accounting.grant.Grant.GrantState;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerType;

import dev.parley.contracts.accounting.GrantRequest;
import dev.parley.contracts.accounting.GrantResponse;

/**
 * Grants: applied once when effective (ledger id {@code grant:<grantId>}), their unspent remainder removed once at
 * expiry ({@code grant-expiry:<grantId>}). The grant's state is moved on only after its ledger entry is applied,
 * so a crash in between makes the next run repeat a step that then changes nothing.
 */
@Service
public class GrantService {

    static final String COLLECTION = "grants";

    private final MongoOperations mongo;
    private final AccountRepository accounts;
    private final BalanceChanges changes;
    private final Clock clock;

    GrantService(MongoOperations mongo, AccountRepository accounts, BalanceChanges changes, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
    }

    /** A grant as the internal API answers it. */
    static GrantResponse response(Grant grant) {
        return new GrantResponse(grant.grantId(), grant.accountId(), grant.amount(), grant.effectiveAt(),
                grant.expiresAt(), grant.state().name());
    }

    /** Records the grant (a retry with the same id returns the first) and applies it when it is effective. */
    Grant create(String accountId, GrantRequest request) {
        Instant now = clock.instant();
        accounts.open(accountId);
        String id = request.grantId() != null ? request.grantId() : UUID.randomUUID().toString();
        Instant effectiveAt = request.effectiveAt() != null ? request.effectiveAt() : now;
        if (request.expiresAt() != null && !request.expiresAt().isAfter(effectiveAt)) {
            throw new IllegalArgumentException("expiresAt must be after effectiveAt");
        }
        try {
            mongo.insert(new Grant(id, accountId, request.amount(), effectiveAt, request.expiresAt(),
                    GrantState.SCHEDULED, null, now));
        } catch (DuplicateKeyException retried) {
            // the same grant id again: the grant stands as first given
        }
        processDue(now);
        return mongo.findById(id, Grant.class);
    }

    /** Applies every grant effective by {@code now} and expires every applied grant expired by then. */
    public void processDue(Instant now) {
        mongo.find(query(where("state").is(GrantState.SCHEDULED).and("effectiveAt").lte(now)), Grant.class)
                .forEach(this::apply);
        mongo.find(query(where("state").is(GrantState.ACTIVE).and("expiresAt").lte(now)), Grant.class)
                .forEach(this::expire);
    }

    private void apply(Grant grant) {
        var entry = LedgerEntry.change("grant:" + grant.grantId(), LedgerType.GRANT, grant.accountId(),
                grant.amount(), "ADMIN", grant.effectiveAt(), clock.instant(), null);
        Account after = changes.apply(entry).orElseThrow();
        mongo.updateFirst(query(where("_id").is(grant.grantId()).and("state").is(GrantState.SCHEDULED)),
                new Update().set("state", GrantState.ACTIVE).set("debitedAtGrant", after.debitedCredits()),
                Grant.class);
    }

    private void expire(Grant grant) {
        Account account = accounts.open(grant.accountId());
        long remainder = GrantRemainder.of(grant.amount(), grant.debitedAtGrant(), account.debitedCredits(),
                account.balance());
        var entry = LedgerEntry.change("grant-expiry:" + grant.grantId(), LedgerType.GRANT_EXPIRY,
                grant.accountId(), remainder, "SCHEDULE", grant.expiresAt(), clock.instant(), null);
        changes.apply(entry);
        mongo.updateFirst(query(where("_id").is(grant.grantId()).and("state").is(GrantState.ACTIVE)),
                new Update().set("state", GrantState.EXPIRED), Grant.class);
    }
}
