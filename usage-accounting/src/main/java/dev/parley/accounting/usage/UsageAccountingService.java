package dev.parley.accounting.usage;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.config.AccountingProperties;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.price.ModelPrice;
import dev.parley.accounting.price.PriceBook;
import dev.parley.accounting.report.UsageBuckets;

/**
 * Debits each usage record exactly once, without multi-document transactions, in single-document steps, each done
 * for a whole batch (a poll's records, {@value #MAX_BATCH} at a time) in one round trip where MongoDB allows:
 * <ol>
 * <li>insert the PENDING ledger entries keyed by their event ids, with the paying account and the priced amount, in
 * one unordered bulk write (a duplicate key means the event was seen before);</li>
 * <li>per paying account, debit it with the sum of its usages and release the reservations they settle with one
 * conditional update that only matches while the account has applied none of these event ids, and records them
 * all as applied in the same write; the accounts of a batch are written at once ({@link BatchDebits});</li>
 * <li>add the usages to their day and month buckets in one bulk write, each bucket guarded the same way by its own
 * event ids;</li>
 * <li>mark the ledger entries APPLIED in one bulk write.</li>
 * </ol>
 * A crash between any two steps leaves the Kafka offsets uncommitted, so the records come back. On redelivery an
 * APPLIED entry is skipped, and a PENDING one is finished: steps 2 and 3 change only what they had not changed
 * yet, then step 4 runs. Replaying the topic finds every entry APPLIED. A usage whose step fails leaves the batch
 * (no later step runs for it), the others finish, and the batch fails at the first failed position
 * ({@link UsageBatchException}), from where the records are delivered again.
 * <p>
 * This relies on one user's records being applied by one consumer at a time and in order: the topic is keyed by
 * user id, so a user's records share a partition, which one consumer of the group processes sequentially. Accounts
 * and buckets remember a window of recent event ids rather than only the last batch's, so that a consumer that lost
 * its partition mid-batch and finishes late still cannot debit twice.
 */
@Service
class UsageAccountingService {

    /** Usages per batch: bounded by what a usage bucket remembers, so that a redelivered batch finds all of its ids. */
    static final int MAX_BATCH = UsageBuckets.MAX_EVENTS_PER_ADD;

    private static final Logger log = LoggerFactory.getLogger(UsageAccountingService.class);

    private final LedgerRepository ledger;
    private final BatchDebits debits;
    private final AccountRepository accounts;
    private final PriceBook prices;
    private final DebitPolicy policy;
    private final UsageBuckets buckets;
    private final UsageSideEffects effects;
    private final UsageMetrics metrics;
    private final EventEpochs epochs;
    private final Clock clock;

    UsageAccountingService(LedgerRepository ledger, BatchDebits debits, AccountRepository accounts,
            PriceBook prices, AccountingProperties properties, UsageBuckets buckets, UsageSideEffects effects,
            UsageMetrics metrics, EventEpochs epochs, Clock clock) {
        this.ledger = ledger;
        this.debits = debits;
        this.accounts = accounts;
        this.prices = prices;
        this.policy = new DebitPolicy(properties.debitOwnKeyUsage());
        this.buckets = buckets;
        this.effects = effects;
        this.metrics = metrics;
        this.epochs = epochs;
        this.clock = clock;
    }

    void apply(RecordedUsage usage) {
        applyAll(List.of(usage));
    }

    /**
     * @param usages in the order they were recorded
     * @throws UsageBatchException when some could not be applied; all before its index were
     */
    void applyAll(List<RecordedUsage> usages) {
        for (int from = 0; from < usages.size(); from += MAX_BATCH) {
            try {
                applyBatch(usages.subList(from, Math.min(usages.size(), from + MAX_BATCH)));
            } catch (UsageBatchException failed) {
                throw new UsageBatchException(from + failed.index(), usages.get(from + failed.index()).eventId(),
                        failed.getCause());
            }
        }
    }

    private void applyBatch(List<RecordedUsage> usages) {
        UsageBatch batch = metrics.timeStep("price", () -> pendingEntries(usages));
        // observed before the entries are written: no debit of an entry written now can have moved these epochs
        Map<String, Long> knownEpochs = epochs.snapshot(batch.byAccount().keySet());
        metrics.timeStep("ledger", () -> batch.forAll(items -> resumeSeen(batch,
                ledger.insertPendingAll(batch.entries()))));
        metrics.timeStep("debits", () -> debits.settleAll(batch, knownEpochs));
        metrics.timeStep("buckets", () -> batch.forAll(items -> buckets.addAll(batch.entries(),
                UsageAccountingService::organisationOf)));
        metrics.timeStep("marks", () -> batch.forAll(items -> markApplied(batch, items)));
        metrics.timeStep("trims", () -> debits.trimDue(batch));
        batch.throwIfFailed();
    }

    /** Prices each usage and decides its payer; stops at the first that cannot be priced now. */
    private UsageBatch pendingEntries(List<RecordedUsage> usages) {
        UsageBatch batch = new UsageBatch();
        Set<String> eventIds = new HashSet<>();
        Map<String, String> payers = new HashMap<>();
        for (int i = 0; i < usages.size(); i++) {
            RecordedUsage usage = usages.get(i);
            if (!eventIds.add(usage.eventId())) {
                metrics.duplicateSkipped();
                continue;
            }
            try {
                PriceBook.Priced price = prices.priceFor(usage.model());
                batch.add(new UsageBatch.Item(i, usage, pendingEntry(usage, price.price(), payers),
                        price.defaulted(), false));
            } catch (RuntimeException e) {
                // a retriable failure until the catalog's prices are loaded: nothing is priced from a partial table
                batch.failBefore(i, usage.eventId(), e);
                break;
            }
        }
        return batch;
    }

    private void resumeSeen(UsageBatch batch, Set<String> seen) {
        batch.items().stream().filter(item -> item.defaultPrice() && item.entry().amount() > 0
                && !seen.contains(item.entry().eventId())).forEach(item -> metrics.unpriced(item.entry()));
        if (seen.isEmpty()) {
            return;
        }
        Map<String, LedgerEntry> stored = new HashMap<>();
        ledger.findAll(seen).forEach(entry -> stored.put(entry.eventId(), entry));
        for (UsageBatch.Item item : batch.items()) {
            if (!seen.contains(item.usage().eventId())) {
                continue;
            }
            LedgerEntry entry = stored.get(item.usage().eventId());
            if (entry == null) {
                batch.fail(List.of(item), new IllegalStateException("Ledger entry " + item.usage().eventId()
                        + " vanished"));
            } else if (entry.state() == LedgerState.APPLIED) {
                log.debug("Usage {} was applied before; skipped", entry.eventId());
                metrics.duplicateSkipped();
                batch.remove(item);
            } else {
                log.info("Resuming usage {} of user {} left pending", entry.eventId(), entry.userId());
                // the payer and amount decided the first time stand, even if prices or membership changed since
                batch.replace(item, entry);
            }
        }
    }

    private void markApplied(UsageBatch batch, List<UsageBatch.Item> items) {
        // counted before the entries are marked, so that whoever sees one APPLIED also sees its metrics
        items.forEach(item -> metrics.applied(item.entry()));
        ledger.markAppliedAll(batch.settled(), clock.instant());
        items.forEach(item -> effects.logApplied(item.entry()));
    }

    private static String organisationOf(LedgerEntry entry) {
        return entry.accountId().startsWith(Account.ORGANISATION_PREFIX)
                ? entry.accountId().substring(Account.ORGANISATION_PREFIX.length()) : null;
    }

    /** @param payers the paying account of each user of the batch without a reservation, opened once per batch */
    private LedgerEntry pendingEntry(RecordedUsage usage, ModelPrice price, Map<String, String> payers) {
        var tokens = new LedgerTokens(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(),
                usage.reasoningTokens());
        // the reservation's holder pays, so that settlement finds it even if the user changed organisation since
        String payer = usage.reservation() != null ? usage.reservation().accountId()
                : payers.computeIfAbsent(usage.userId(), user -> accounts.open(user).payerId());
        long amount = policy.debitFor(usage, price);
        return new LedgerEntry(usage.eventId(), LedgerType.DEBIT, usage.userId(), payer, usage.requestId(),
                usage.conversationId(), usage.provider(), usage.model(), tokens, usage.source(), usage.outcome(),
                usage.ownKey(), amount, 0, LedgerState.PENDING, null, usage.recordedAt(),
                clock.instant(), null, null);
    }
}
