package dev.parley.accounting.account;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.config.AccountingProperties;

/**
 * Accounts, written only with single-document atomic operations (mongo-java-server has no transactions, and
 * real MongoDB rewards the same design).
 */
@Repository
public class AccountRepository {

    public static final String COLLECTION = "accounts";
    /**
     * How many applied event ids an account remembers. One would do while a user's records are applied
     * strictly one after another; the margin covers a consumer that stalls through a rebalance and wakes up to
     * finish a record its successor has already applied, and an organisation account that other members' records
     * reach between a crash and the redelivery, with fewer than this many records in between.
     */
    public static final int RECENT_EVENT_WINDOW = 1024;
    /** Active reservations, without the array, so that the bound is a plain comparison. */
    static final String RESERVATION_COUNT = "reservationCount";

    private final MongoOperations mongo;
    private final AccountUpdates updates;
    private final long startingBalance;
    private final Clock clock;

    AccountRepository(MongoOperations mongo, AccountingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.updates = new AccountUpdates(mongo);
        this.startingBalance = properties.startingBalance();
        this.clock = clock;
    }

    /** The user's account, opened with the starting balance on first sight. */
    public Account open(String userId) {
        return open(userId, userId.startsWith(Account.ORGANISATION_PREFIX) ? 0 : startingBalance);
    }

    /**
     * Opens the account with this starting balance unless it exists (then it is answered as it is): how api-ingress
     * grants the balance of the user's registration.
     */
    public Account open(String accountId, long balance) {
        Instant now = clock.instant();
        Update openOnInsert = new Update()
                .setOnInsert("balance", balance)
                .setOnInsert("startingBalance", balance)
                .setOnInsert("available", balance)
                .setOnInsert("reserved", 0L)
                .setOnInsert(RESERVATION_COUNT, 0)
                .setOnInsert("createdAt", now)
                .setOnInsert("updatedAt", now);
        for (String zero : List.of("inputTokens", "outputTokens", "debitedTokens", "debitedCredits")) {
            openOnInsert.setOnInsert(zero, 0L);
        }
        for (String empty : List.of("reservations", "recentEventIds", "recentCreditIds", "alertedThresholds")) {
            openOnInsert.setOnInsert(empty, List.of());
        }
        try {
            return mongo.findAndModify(query(where("_id").is(accountId)), openOnInsert,
                    options().upsert(true).returnNew(true), Account.class);
        } catch (DuplicateKeyException concurrentlyOpened) {
            // two first sights raced and the other upsert inserted: the account exists now
            return find(accountId).orElseThrow();
        }
    }

    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Account.class));
    }

    /**
     * Applies the debit unless the account has already applied this event, and releases the reservation it
     * settles, in one conditional update. It also matches nothing when the reservation it settles is gone (or holds
     * another amount), or when it settles none but the account holds one for the request: the caller reads again
     * and retries. The account must exist.
     *
     * @return the account after the debit, without its long lists; empty when nothing matched
     */
    public Optional<Account> debit(AccountDebit debit) {
        return debitAll(debit.accountId(), List.of(debit));
    }

    /**
     * Applies several debits of one account in one conditional update (a poll's usage of that payer), under the
     * conditions of {@link #debit} for each: it matches nothing when any of them was applied already or names a
     * reservation that is gone, and then changes nothing at all. At most {@link #RECENT_EVENT_WINDOW} debits, in the
     * order they were recorded; a reservation is settled by one of them at most.
     *
     * @return the account after the debits, without its long lists; empty when nothing matched
     */
    public Optional<Account> debitAll(String accountId, List<AccountDebit> debits) {
        var batch = new DebitBatch(debits, RECENT_EVENT_WINDOW);
        return updates.updateOne(batch.filter(AccountUpdates.byId(accountId)),
                batch.update(Date.from(clock.instant())));
    }

    /**
     * Leaves the long lists (applied event ids, reservations) out of what an update returns: they are only read by
     * its conditions, and shipping them with every reservation and debit made the busiest accounts the slowest.
     */
    public static Query lean(Query query) {
        query.fields().exclude("recentEventIds", "recentCreditIds", "reservations");
        return query;
    }

    public Account setOrganisation(String userId, String organisationId) {
        open(userId);
        Update update = organisationId == null ? new Update().unset("organisationId")
                : new Update().set("organisationId", organisationId);
        if (organisationId != null) {
            open(Account.ofOrganisation(organisationId));
        }
        return mongo.findAndModify(query(where("_id").is(userId)), update.set("updatedAt", clock.instant()),
                options().returnNew(true), Account.class);
    }

    public Account setRefill(String accountId, Refill refill) {
        open(accountId);
        Update update = refill == null ? new Update().unset("refill") : new Update().set("refill", refill);
        return mongo.findAndModify(query(where("_id").is(accountId)), update.set("updatedAt", clock.instant()),
                options().returnNew(true), Account.class);
    }
}
