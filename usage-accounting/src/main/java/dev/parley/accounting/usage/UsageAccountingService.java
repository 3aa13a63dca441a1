package dev.parley.accounting.usage;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountDebit;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.config.AccountingProperties;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;

/**
 * Debits each usage record exactly once, without multi-document transactions, in three single-document steps:
 * <ol>
 * <li>insert a PENDING ledger entry keyed by the event id (a duplicate key means the event was seen before);</li>
 * <li>debit the account with one conditional update that only matches while the account has not applied this
 * event id, and records it as applied in the same write;</li>
 * <li>mark the ledger entry APPLIED.</li>
 * </ol>
 * A crash between any two steps leaves the Kafka offset uncommitted, so the record comes back. On redelivery an
 * APPLIED entry is skipped, and a PENDING one is finished: step 2 debits if the crash came before it and matches
 * nothing if it came after, then step 3 runs. Replaying the topic finds every entry APPLIED.
 * <p>
 * This relies on one user's records being applied one at a time and in order: the topic is keyed by user id,
 * so a user's records share a partition, which one consumer of the group processes sequentially. The account
 * remembers a window of recent event ids rather than only the last, so that a consumer that lost its partition
 * mid-record and finishes late still cannot debit twice.
 * <p>
 * Balances may go negative (nothing reserves tokens up front yet): that is counted and logged, not clamped.
 */
@Service
class UsageAccountingService {

    private static final Logger log = LoggerFactory.getLogger(UsageAccountingService.class);

    private final LedgerRepository ledger;
    private final AccountRepository accounts;
    private final DebitPolicy policy;
    private final UsageMetrics metrics;
    private final Clock clock;

    UsageAccountingService(LedgerRepository ledger, AccountRepository accounts, AccountingProperties properties,
            UsageMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.policy = new DebitPolicy(properties.debitOwnKeyUsage());
        this.metrics = metrics;
        this.clock = clock;
    }

    void apply(RecordedUsage usage) {
        LedgerEntry pending = pendingEntry(usage);
        if (ledger.insertPending(pending)) {
            settle(pending);
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
        // the amount decided the first time stands, even if the policy changed since
        settle(seen);
    }

    private void settle(LedgerEntry entry) {
        var debit = new AccountDebit(entry.userId(), entry.eventId(), entry.amount(), entry.tokens().input(),
                entry.tokens().output());
        // empty: the debit landed before an interruption; with sequential processing nothing came after it
        Account account = accounts.debit(debit).orElseGet(() -> accounts.open(entry.userId()));
        ledger.markApplied(entry.eventId(), account.balance(), clock.instant());
        metrics.applied(entry);
        if (account.balance() < 0) {
            metrics.overdrawn();
            log.warn("Account {} is overdrawn: balance {} after usage {} ({} tokens)", entry.userId(),
                    account.balance(), entry.eventId(), entry.amount());
        }
    }

    private LedgerEntry pendingEntry(RecordedUsage usage) {
        var tokens = new LedgerTokens(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(),
                usage.reasoningTokens());
        return new LedgerEntry(usage.eventId(), usage.userId(), usage.requestId(), usage.conversationId(),
                usage.provider(), usage.model(), tokens, usage.source(), usage.outcome(), usage.ownKey(),
                policy.debitFor(usage), LedgerState.PENDING, null, usage.recordedAt(), clock.instant(), null);
    }
}
