package dev.parley.accounting.account;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.config.AccountingProperties;

/**
 * Accounts, written only with single-document atomic operations (mongo-java-server has no transactions, and
 * real MongoDB rewards the same design).
 */
@Repository
public class AccountRepository {

    static final String COLLECTION = "accounts";
    /**
     * How many applied event ids an account remembers. One would do while a user's records are applied
     * strictly one after another; the margin covers a consumer that stalls through a rebalance and wakes up to
     * finish a record its successor has already applied, with fewer than this many records in between.
     */
    public static final int RECENT_EVENT_WINDOW = 64;

    private final MongoOperations mongo;
    private final long startingBalance;
    private final Clock clock;

    AccountRepository(MongoOperations mongo, AccountingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.startingBalance = properties.startingBalance();
        this.clock = clock;
    }

    /** The user's account, opened with the starting balance on first sight. */
    public Account open(String userId) {
        Instant now = clock.instant();
        Update openOnInsert = new Update()
                .setOnInsert("balance", startingBalance)
                .setOnInsert("startingBalance", startingBalance)
                .setOnInsert("inputTokens", 0L)
                .setOnInsert("outputTokens", 0L)
                .setOnInsert("debitedTokens", 0L)
                .setOnInsert("recentEventIds", List.of())
                .setOnInsert("createdAt", now)
                .setOnInsert("updatedAt", now);
        try {
            return mongo.findAndModify(query(where("_id").is(userId)), openOnInsert,
                    options().upsert(true).returnNew(true), Account.class);
        } catch (DuplicateKeyException concurrentlyOpened) {
            // two first sights raced and the other upsert inserted: the account exists now
            return find(userId).orElseThrow();
        }
    }

    public Optional<Account> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, Account.class));
    }

    /**
     * Applies the debit unless the account has already applied this event, in one conditional update.
     *
     * @return the account after the debit, or empty when the event had already been applied
     */
    public Optional<Account> debit(AccountDebit debit) {
        open(debit.userId());
        var notYetApplied = query(where("_id").is(debit.userId()).and("recentEventIds").ne(debit.eventId()));
        Update apply = new Update()
                .inc("balance", -debit.amount())
                .inc("inputTokens", debit.inputTokens())
                .inc("outputTokens", debit.outputTokens())
                .inc("debitedTokens", debit.amount())
                .set("lastAppliedEventId", debit.eventId())
                .set("updatedAt", clock.instant());
        apply.push("recentEventIds").slice(-RECENT_EVENT_WINDOW).each(debit.eventId());
        return Optional.ofNullable(mongo.findAndModify(notYetApplied, apply, options().returnNew(true), Account.class));
    }
}
