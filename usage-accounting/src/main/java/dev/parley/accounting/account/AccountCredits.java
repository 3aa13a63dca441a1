package dev.parley.accounting.account;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Balance changes other than usage, and the low-balance alert marks, each one conditional update. */
@Repository
public class AccountCredits {

    private static final String CREDIT_IDS = "recentCreditIds";
    /** Marks a credit id voided in {@code recentCreditIds}. */
    static final String VOID_PREFIX = "void:";

    private final MongoOperations mongo;
    private final AccountRepository accounts;
    private final Clock clock;

    AccountCredits(MongoOperations mongo, AccountRepository accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * @return the account after the change, or empty when it had been applied or voided before, or its condition
     *         failed
     */
    public Optional<Account> credit(CreditChange change) {
        accounts.open(change.accountId());
        Criteria match = undecided(change.accountId(), change.creditId());
        if (change.expectedBalance() != null) {
            match = match.and("balance").is(change.expectedBalance());
        }
        Update update = new Update()
                .inc("balance", change.delta())
                .inc("available", change.delta())
                .set("updatedAt", clock.instant());
        if (change.refillAnchor() != null) {
            match = match.and("refill.anchor").is(change.refillAnchor());
        }
        if (change.refillIndex() != null) {
            match = match.and("refill.lastIndex").lt(change.refillIndex());
            update.set("refill.lastIndex", change.refillIndex());
        }
        update.push(CREDIT_IDS).slice(-AccountRepository.RECENT_EVENT_WINDOW).each(change.creditId());
        return Optional.ofNullable(mongo.findAndModify(query(match), update, options().returnNew(true),
                Account.class));
    }

    /**
     * Settles a change whose update matched nothing: it was applied before, or its condition failed. The account
     * is the arbiter: a failed change is voided by recording its id as void in the same list, in one conditional
     * update, so that a late attempt of the same change (a stalled request, while recovery voided it) can never
     * apply it afterwards.
     *
     * @return true when the change stands applied, false when it is void
     */
    public boolean appliedElseVoid(String accountId, String creditId) {
        Update voidIt = new Update().push(CREDIT_IDS).slice(-AccountRepository.RECENT_EVENT_WINDOW)
                .each(VOID_PREFIX + creditId);
        if (mongo.updateFirst(query(undecided(accountId, creditId)), voidIt, Account.class).getModifiedCount() == 1) {
            return false;
        }
        return accounts.find(accountId).orElseThrow().recentCreditIds().contains(creditId);
    }

    private static Criteria undecided(String accountId, String creditId) {
        return where("_id").is(accountId).and(CREDIT_IDS).nin(creditId, VOID_PREFIX + creditId);
    }

    /** @return whether this call marked the threshold (false: it was marked already) */
    public boolean markAlerted(String accountId, long threshold) {
        return mongo.updateFirst(query(where("_id").is(accountId).and("alertedThresholds").ne(threshold)),
                new Update().addToSet("alertedThresholds", threshold), Account.class).getModifiedCount() == 1;
    }

    public void rearm(String accountId, long threshold) {
        mongo.updateFirst(query(where("_id").is(accountId)), new Update().pull("alertedThresholds", threshold),
                Account.class);
    }
}
