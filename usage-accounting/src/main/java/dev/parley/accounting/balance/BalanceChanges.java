package dev.parley.accounting.balance;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountCredits;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.CreditChange;
import dev.parley.accounting.alert.LowBalanceAlerts;
import dev.parley.accounting.ledger.LedgerCondition;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerType;

/**
 * Applies a balance change that is not usage in single-document steps:
 * <ol>
 * <li>insert a PENDING ledger entry whose id is derived from what it applies, carrying the signed amount and the
 * condition it applies under (so that it describes the whole intended change);</li>
 * <li>apply it to the account with one conditional update that records the id, and matches only while the id is
 * neither applied nor voided and the condition holds (exactly once);</li>
 * <li>mark the entry APPLIED, or VOID when the account voided it because its condition failed.</li>
 * </ol>
 * A crash after step 1 or 2 leaves the entry PENDING; {@link #complete} finishes it (called by the same request
 * retried with the same id, and by {@link PendingChangeRecovery}), changing only what had not changed yet.
 */
@Service
public class BalanceChanges {

    private final LedgerRepository ledger;
    private final AccountRepository accounts;
    private final AccountCredits credits;
    private final LowBalanceAlerts alerts;
    private final Clock clock;

    BalanceChanges(LedgerRepository ledger, AccountRepository accounts, AccountCredits credits,
            LowBalanceAlerts alerts, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.credits = credits;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * @param entry the pending entry; if one with its id exists, that one (and its amount) is finished instead
     * @return the account after the change, or empty when its condition failed (the entry is void)
     */
    public Optional<Account> apply(LedgerEntry entry) {
        LedgerEntry current = ledger.insertPending(entry) ? entry : ledger.find(entry.eventId()).orElseThrow();
        return complete(current);
    }

    /** Finishes an entry in whatever state a crash left it; an APPLIED or VOID entry changes nothing. */
    Optional<Account> complete(LedgerEntry entry) {
        return switch (entry.state()) {
            case APPLIED -> accounts.find(entry.accountId());
            case VOID -> Optional.empty();
            case PENDING -> finishPending(entry);
        };
    }

    private Optional<Account> finishPending(LedgerEntry entry) {
        Optional<Account> changed = judgeable(entry) ? credits.credit(changeOf(entry)) : Optional.empty();
        if (changed.isEmpty()) {
            if (!credits.appliedElseVoid(entry.accountId(), entry.eventId())) {
                ledger.markVoid(entry.eventId());
                return Optional.empty();
            }
            changed = accounts.find(entry.accountId());
        }
        ledger.markApplied(entry.eventId(), changed.get().balance(), clock.instant());
        alerts.check(changed.get());
        return changed;
    }

    private static CreditChange changeOf(LedgerEntry entry) {
        LedgerCondition condition = entry.condition() != null ? entry.condition()
                : new LedgerCondition(null, null, null);
        return new CreditChange(entry.accountId(), entry.eventId(), entry.delta(), condition.expectedBalance(),
                condition.refillAnchor(), condition.refillIndex());
    }

    /**
     * Set-balance and refill entries written before conditions were stored cannot be judged: applying one without
     * its condition could change a balance twice, so such an entry is voided unless it was applied.
     */
    private static boolean judgeable(LedgerEntry entry) {
        boolean conditional = entry.type() == LedgerType.REFILL || entry.type() == LedgerType.ADJUSTMENT_CREDIT
                || entry.type() == LedgerType.ADJUSTMENT_DEBIT;
        return !conditional || entry.condition() != null;
    }
}
