package dev.parley.accounting.usage;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.EventIdGuard;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;

/**
 * Keeps an account's {@code recentEventIds} short: after a batch marked its entries APPLIED, an account that added
 * {@value EventIdGuard#TRIM_AFTER} ids since its last trim drops the ids whose ledger entries are APPLIED (three
 * commands: the account, its entries by id, one conditional update). Every debit copies the account document in the
 * embedded MongoDB, so its size is what each debit and reservation pays. A trim that loses a race to another trim
 * is skipped; one that fails only leaves the ids for the next.
 */
@Component
class EventIdTrim {

    private static final Logger log = LoggerFactory.getLogger(EventIdTrim.class);

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final EventEpochs epochs;

    EventIdTrim(AccountRepository accounts, LedgerRepository ledger, EventEpochs epochs) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.epochs = epochs;
    }

    /**
     * @param due the account as the batch's debit returned it, found due a trim ({@link EventIdGuard#shouldTrim});
     *            a trim that fails leaves the ids for the next
     */
    void trim(Account due) {
        try {
            accounts.find(due.userId()).ifPresent(this::trimApplied);
        } catch (RuntimeException e) {
            log.warn("Could not trim the event ids of account {}: {}", due.userId(), e.toString());
        }
    }

    private void trimApplied(Account account) {
        List<String> applied = ledger.findAll(account.recentEventIds()).stream()
                .filter(entry -> entry.state() == LedgerState.APPLIED && entry.accountId().equals(account.userId()))
                .map(LedgerEntry::eventId).toList();
        List<String> trimmable = EventIdGuard.trimmable(account.recentEventIds(), applied);
        if (trimmable.isEmpty()) {
            return;
        }
        accounts.trimEventIds(account.userId(), account.eventEpoch(), trimmable, account.recentEventCount())
                .ifPresent(epochs::observed);
    }
}
