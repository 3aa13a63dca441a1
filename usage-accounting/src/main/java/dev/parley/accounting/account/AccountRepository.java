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
     * How many applied grant, refill and adjustment ids an account remembers ({@code recentCreditIds}), and the most
     * usage debits one write applies. Usage event ids are not windowed: see {@link EventIdGuard}.
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
                .setOnInsert(EventIdGuard.EPOCH, 0L)
                .setOnInsert(EventIdGuard.COUNT, 0L)
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
     * Applies the debit unless the account holds this event id, and releases the reservation it settles, in one
     * conditional update. It also matches nothing when the account's {@code eventEpoch} is no longer {@code epoch},
     * when the reservation it settles is gone (or holds another amount), or when it settles none but the account
     * holds one for the request: the caller reads again and retries. The account must exist. Exactly once needs an
     * epoch read before the ledger was checked ({@link EventIdGuard}).
     *
     * @return the account after the debit, without its long lists; empty when nothing matched
     */
    public Optional<Account> debit(long epoch, AccountDebit debit) {
        return debitAll(debit.accountId(), epoch, List.of(debit));
    }

    /**
     * Applies several debits of one account in one conditional update (a poll's usage of that payer), under the
     * conditions of {@link #debit} for each: it matches nothing when any of them was applied already or names a
     * reservation that is gone, and then changes nothing at all. At most {@link #RECENT_EVENT_WINDOW} debits, in the
     * order they were recorded; a reservation is settled by one of them at most.
     *
     * @return the account after the debits, without its long lists; empty when nothing matched
     */
    public Optional<Account> debitAll(String accountId, long epoch, List<AccountDebit> debits) {
        var batch = new DebitBatch(debits, RECENT_EVENT_WINDOW, epoch);
        return updates.updateOne(batch.filter(AccountUpdates.byId(accountId)),
                batch.update(Date.from(clock.instant())));
    }

    /**
     * Takes these ids out of the account's {@code recentEventIds} and increments its epoch, if the epoch is still
     * {@code epoch}. Only ids whose ledger entries were read APPLIED may go ({@link EventIdGuard#trimmable}).
     *
     * @param counted the account's {@code recentEventCount} as read, which the trim takes off
     * @return the account after the trim, without its long lists; empty when the epoch moved meanwhile
     */
    public Optional<Account> trimEventIds(String accountId, long epoch, List<String> ids, long counted) {
        Document filter = AccountUpdates.byId(accountId).append(EventIdGuard.EPOCH, EventIdGuard.epochIs(epoch));
        Document update = new Document("$pull", new Document(EventIdGuard.IDS, AccountUpdates.op("$in", ids)))
                .append("$inc", new Document(EventIdGuard.EPOCH, 1L).append(EventIdGuard.COUNT, -counted));
        return updates.updateOne(filter, update);
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
