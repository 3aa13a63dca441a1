package dev.parley.accounting.usage;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.alert.LowBalanceAlerts;
import dev.parley.accounting.config.AccountingProperties;
import dev.parley.accounting.grant.RefillService;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.price.ModelPrice;
import dev.parley.accounting.price.PriceBook;
import dev.parley.accounting.report.UsageBuckets;

/**
 * Debits each usage record exactly once, without multi-document transactions, in single-document steps:
 * <ol>
 * <li>insert a PENDING ledger entry keyed by the event id, with the paying account and the priced amount (a
 * duplicate key means the event was seen before);</li>
 * <li>debit the paying account and release the request's reservation with one conditional update that only
 * matches while the account has not applied this event id, and records it as applied in the same write;</li>
 * <li>add the usage to its day and month buckets, each guarded the same way by the bucket's own event ids;</li>
 * <li>mark the ledger entry APPLIED.</li>
 * </ol>
 * A crash between any two steps leaves the Kafka offset uncommitted, so the record comes back. On redelivery an
 * APPLIED entry is skipped, and a PENDING one is finished: steps 2 and 3 change only what they had not changed
 * yet, then step 4 runs. Replaying the topic finds every entry APPLIED.
 * <p>
 * This relies on one user's records being applied one at a time and in order: the topic is keyed by user id, so
 * a user's records share a partition, which one consumer of the group processes sequentially. Accounts and buckets
 * remember a window of recent event ids rather than only the last, so that a consumer that lost its partition
 * mid-record and finishes late still cannot debit twice.
 */
@Service
class UsageAccountingService {

    private static final Logger log = LoggerFactory.getLogger(UsageAccountingService.class);

    private final LedgerRepository ledger;
    private final UsageSettlement settlement;
    private final AccountRepository accounts;
    private final PriceBook prices;
    private final DebitPolicy policy;
    private final UsageBuckets buckets;
    private final LowBalanceAlerts alerts;
    private final RefillService refills;
    private final UsageMetrics metrics;
    private final List<DebitWriteListener> debitWriteListeners;
    private final Clock clock;

    UsageAccountingService(LedgerRepository ledger, UsageSettlement settlement, AccountRepository accounts,
            PriceBook prices, AccountingProperties properties, UsageBuckets buckets, LowBalanceAlerts alerts,
            RefillService refills, UsageMetrics metrics, ObjectProvider<DebitWriteListener> debitWriteListeners,
            Clock clock) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.accounts = accounts;
        this.prices = prices;
        this.policy = new DebitPolicy(properties.debitOwnKeyUsage());
        this.buckets = buckets;
        this.alerts = alerts;
        this.refills = refills;
        this.metrics = metrics;
        this.debitWriteListeners = debitWriteListeners.orderedStream().toList();
        this.clock = clock;
    }

    void apply(RecordedUsage usage) {
        // throws a retriable failure until the catalog's prices are loaded, so nothing is priced from a partial table
        PriceBook.Priced price = prices.priceFor(usage.model());
        LedgerEntry pending = pendingEntry(usage, price.price());
        if (ledger.insertPending(pending)) {
            if (price.defaulted() && pending.amount() > 0) {
                metrics.unpriced(pending);
            }
            finish(pending, usage.reservation());
            return;
        }
        LedgerEntry seen = ledger.find(usage.eventId())
                .orElseThrow(() -> new IllegalStateException("Ledger entry " + usage.eventId() + " vanished"));
        if (seen.state() == LedgerState.APPLIED) {
            log.debug("Usage {} was applied before; skipped", usage.eventId());
            metrics.duplicateSkipped();
            return;
        }
        log.info("Resuming usage {} of user {} left pending", usage.eventId(), usage.userId());
        // the payer and amount decided the first time stand, even if prices or membership changed since
        finish(seen, usage.reservation());
    }

    private void finish(LedgerEntry entry, RecordedUsage.Held reservation) {
        UsageSettlement.Settled settled = settlement.settle(entry, reservation);
        if (settled.debited()) {
            debitWriteListeners.forEach(listener -> listener.afterDebitWrite(entry.eventId()));
            metrics.debited(entry.recordedAt(), clock.instant());
        }
        Account account = settled.account();
        buckets.add(entry, organisationOf(entry));
        if (settled.debited()) {
            alerts.check(account);
            // reads nothing: the account just returned says whether it ran out and its refill is due
            refills.refillIfDepleted(account, 0);
        }
        // counted before the entry is marked, so that whoever sees it APPLIED also sees its metrics
        metrics.applied(entry);
        if (account.balance() < 0) {
            metrics.overdrawn();
            log.warn("Account {} is overdrawn: balance {} after usage {} ({} credits)", account.userId(),
                    account.balance(), entry.eventId(), entry.amount());
        }
        ledger.markApplied(entry.eventId(), account.balance(), settled.released(), clock.instant());
        // one line per provider call: with the chat request id in the MDC, the request's last step in the logs
        log.info("Usage {} applied: {} credits from {} for {} ({} tokens in, {} out)", entry.eventId(), entry.amount(),
                entry.accountId(), entry.model(), entry.tokens().input(), entry.tokens().output());
    }

    private static String organisationOf(LedgerEntry entry) {
        return entry.accountId().startsWith(Account.ORGANISATION_PREFIX)
                ? entry.accountId().substring(Account.ORGANISATION_PREFIX.length()) : null;
    }

    private LedgerEntry pendingEntry(RecordedUsage usage, ModelPrice price) {
        var tokens = new LedgerTokens(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(),
                usage.reasoningTokens());
        // the reservation's holder pays, so that settlement finds it even if the user changed organisation since
        String payer = usage.reservation() != null ? usage.reservation().accountId()
                : accounts.open(usage.userId()).payerId();
        long amount = policy.debitFor(usage, price);
        return new LedgerEntry(usage.eventId(), LedgerType.DEBIT, usage.userId(), payer, usage.requestId(),
                usage.conversationId(), usage.provider(), usage.model(), tokens, usage.source(), usage.outcome(),
                usage.ownKey(), amount, 0, LedgerState.PENDING, null, usage.recordedAt(),
                clock.instant(), null, null);
    }
}
