package dev.parley.accounting.grant;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Refill;
import dev.parley.accounting.balance.BalanceChanges;
import dev.parley.accounting.ledger.LedgerCondition;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerType;

import dev.parley.contracts.accounting.RefillRequest;

/**
 * Automatic refills, once per interval: the ledger id {@code refill:<accountId>:<anchor millis>:<index>} and the
 * account's {@code refill.lastIndex}, moved forward in the same update that adds the credits, make a second run in
 * the same interval change nothing. Intervals missed while the service was down are refilled
 * one by one, at most {@value #MAX_INTERVALS_PER_RUN} per account and run. A refill on depletion uses the same
 * intervals, ids and condition, but an interval is refilled only when the account has run out in it (the debit that
 * empties it or the reservation it cannot afford asks at once; the job catches what a crash left), never a missed one.
 */
@Service
public class RefillService {

    private static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    /** Keeps one run short after a long outage; the next runs catch up the rest. */
    private static final int MAX_INTERVALS_PER_RUN = 24;

    private final MongoOperations mongo;
    private final AccountRepository accounts;
    private final BalanceChanges changes;
    private final Clock clock;

    RefillService(MongoOperations mongo, AccountRepository accounts, BalanceChanges changes, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Sets (amount 0: removes) the refill; the first interval starts now and is refilled by the next run. Setting
     * the same amount and interval again changes nothing: a retried request (an outside system's quota call) must
     * not restart the schedule, which would refill once more.
     */
    public Account configure(String accountId, RefillRequest request) {
        if (request.amount() == 0) {
            return accounts.setRefill(accountId, null);
        }
        if (request.interval().compareTo(SHORTEST_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval must be at least " + SHORTEST_INTERVAL);
        }
        Account account = accounts.open(accountId);
        var wanted = new Refill(request.amount(), request.interval().toSeconds(), clock.instant(), -1,
                request.depletionThreshold());
        // one conditional update: of two identical calls racing, only one finds a different refill to replace
        Account changed = mongo.findAndModify(query(where("_id").is(accountId).norOperator(
                where("refill.amount").is(wanted.amount()).and("refill.intervalSeconds").is(wanted.intervalSeconds())
                        .and("refill.depletionThreshold").is(wanted.depletionThreshold()))),
                new Update().set("refill", wanted).set("updatedAt", clock.instant()), options().returnNew(true),
                Account.class);
        return changed != null ? changed : accounts.find(accountId).orElse(account);
    }

    /** @return how many refills were applied */
    public int refillDue(Instant now) {
        int applied = 0;
        for (Account account : mongo.find(AccountRepository.lean(query(where("refill").exists(true).ne(null))),
                Account.class)) {
            Refill refill = account.refill();
            if (refill.onDepletion()) {
                // catches a run-out whose refill a crash or a refusal elsewhere left undone
                applied += refillIfDepleted(account, 0) ? 1 : 0;
                continue;
            }
            long current = Math.min(RefillSchedule.currentIndex(refill, now),
                    refill.lastIndex() + MAX_INTERVALS_PER_RUN);
            for (long index = refill.lastIndex() + 1; index <= current; index++) {
                applied += refill(account.userId(), refill, index) ? 1 : 0;
            }
        }
        return applied;
    }

    /**
     * A refill on depletion, when the account has run out and this interval's refill is not used yet. Two callers at
     * once (the debit that emptied the account, a refused reservation, the job) derive the same ledger id from the
     * interval, and the account applies it only while its last refilled interval is below it: one refill.
     *
     * @param needed what a request being admitted costs at most; 0 when none is
     * @return whether this call added the refill
     */
    public boolean refillIfDepleted(Account account, long needed) {
        Refill refill = account.refill();
        if (refill == null || !refill.depleted(account, needed)) {
            return false;
        }
        long index = RefillSchedule.currentIndex(refill, clock.instant());
        return index > refill.lastIndex() && refill(account.userId(), refill, index);
    }

    private boolean refill(String accountId, Refill refill, long index) {
        var entry = LedgerEntry.change(refillId(accountId, refill, index), LedgerType.REFILL, accountId,
                refill.amount(), refill.onDepletion() ? "DEPLETION" : "SCHEDULE", RefillSchedule.startOf(refill, index),
                clock.instant(), LedgerCondition.refillInterval(refill.anchor(), index));
        return changes.apply(entry).isPresent();
    }

    /** The anchor is in the id: a refill set again starts counting at 0, and its intervals are new ones. */
    static String refillId(String accountId, Refill refill, long index) {
        return "refill:" + accountId + ":" + refill.anchor().toEpochMilli() + ":" + index;
    }
}
