package dev.parley.accounting.balance;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountCredits;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.CreditChange;
import dev.parley.accounting.alert.LowBalanceAlerts;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;

/**
 * Applies a balance change that is not usage with the same single-document steps as a debit: a PENDING ledger
 * entry with an id derived from what it applies, one conditional account update that records that id, then the
 * entry marked APPLIED. Running it again with the same id changes nothing, and finishes an entry a crash left
 * pending.
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
     * @return the account after the change, or empty when a condition of {@code change} failed (the entry is void)
     */
    public Optional<Account> apply(LedgerEntry entry, CreditChange change) {
        LedgerEntry current = ledger.insertPending(entry) ? entry : ledger.find(entry.eventId()).orElseThrow();
        if (current.state() != LedgerState.PENDING) {
            return current.state() == LedgerState.APPLIED ? accounts.find(current.accountId()) : Optional.empty();
        }
        var frozen = new CreditChange(change.accountId(), current.eventId(), current.delta(),
                change.expectedBalance(), change.refillIndex());
        Optional<Account> changed = credits.credit(frozen);
        if (changed.isEmpty()) {
            Account account = accounts.open(current.accountId());
            if (!account.recentCreditIds().contains(current.eventId())) {
                ledger.markVoid(current.eventId());
                return Optional.empty();
            }
            changed = Optional.of(account);
        }
        ledger.markApplied(current.eventId(), changed.get().balance(), clock.instant());
        alerts.check(changed.get());
        return changed;
    }
}
