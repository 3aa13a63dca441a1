package dev.parley.accounting.usage;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.alert.LowBalanceAlerts;
import dev.parley.accounting.grant.RefillService;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.platform.logging.LogContext;

/**
 * What follows a debit of an account, once per account and batch: the crash-test hooks and the debit lag of each
 * usage, then the low-balance alerts and the refill on depletion of the account as the update returned it (its
 * balance after the whole batch; a batch that crosses two thresholds sends both alerts), and the overdraft count of
 * each usage that left the balance below zero.
 */
@Component
class UsageSideEffects {

    private static final Logger log = LoggerFactory.getLogger(UsageSideEffects.class);

    private final LowBalanceAlerts alerts;
    private final RefillService refills;
    private final UsageMetrics metrics;
    private final List<DebitWriteListener> debitWriteListeners;
    private final Clock clock;

    UsageSideEffects(LowBalanceAlerts alerts, RefillService refills, UsageMetrics metrics,
            ObjectProvider<DebitWriteListener> debitWriteListeners, Clock clock) {
        this.alerts = alerts;
        this.refills = refills;
        this.metrics = metrics;
        this.debitWriteListeners = debitWriteListeners.orderedStream().toList();
        this.clock = clock;
    }

    void afterDebits(UsageSettlement.Settled settled) {
        for (UsageSettlement.Result result : settled.results()) {
            if (result.debited()) {
                debitWriteListeners.forEach(listener -> listener.afterDebitWrite(result.entry().eventId()));
                metrics.debited(result.entry().recordedAt(), clock.instant());
            }
        }
        Account account = settled.account();
        if (settled.anyDebited()) {
            alerts.check(account);
            // reads nothing: the account just returned says whether it ran out and its refill is due
            refills.refillIfDepleted(account, 0);
        }
        for (UsageSettlement.Result result : settled.results()) {
            if (result.debited() && result.balanceAfter() < 0) {
                metrics.overdrawn();
                log.warn("Account {} is overdrawn: balance {} after usage {} ({} credits)", account.userId(),
                        result.balanceAfter(), result.entry().eventId(), result.entry().amount());
            }
        }
    }

    /** One line per provider call, with its chat request in the log context: the request's last step in the logs. */
    void logApplied(LedgerEntry entry) {
        if (!log.isInfoEnabled()) {
            return;
        }
        try (var scope = LogContext.scope(LogContext.USER_ID, entry.userId(), LogContext.CHAT_REQUEST_ID,
                entry.requestId())) {
            log.info("Usage {} applied: {} credits from {} for {} ({} tokens in, {} out)", entry.eventId(),
                    entry.amount(), entry.accountId(), entry.model(), entry.tokens().input(),
                    entry.tokens().output());
        }
    }
}
