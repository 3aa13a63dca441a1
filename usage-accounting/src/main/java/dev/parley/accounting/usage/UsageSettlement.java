package dev.parley.accounting.usage;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountDebit;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;

/**
 * Step 2 of the debit protocol: debit the paying account and release the request's reservation in one conditional
 * update. The update names the reservation it releases, so when an expiry or a release races it, it matches
 * nothing and is retried against a fresh read.
 */
@Component
class UsageSettlement {

    private static final int ATTEMPTS = 20;

    private final AccountRepository accounts;

    UsageSettlement(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * @param account the paying account after the debit
     * @param released credits of the reservation released with it
     * @param debited whether this call changed the balance (false: it had been applied before)
     */
    record Settled(Account account, long released, boolean debited) {
    }

    /**
     * @param held the reservation the usage event says it settles; it allows the usual case in one update without
     *        reading the account first. Null, stale or already settled: the account is read and the reservation
     *        found there.
     */
    Settled settle(LedgerEntry entry, RecordedUsage.Held held) {
        if (held != null && held.accountId().equals(entry.accountId())) {
            var named = new Reservation(entry.requestId(), entry.userId(), entry.model(), held.amount(), null, null);
            Optional<Account> debited = accounts.debit(debitOf(entry, named));
            if (debited.isPresent()) {
                return new Settled(debited.get(), held.amount(), true);
            }
        }
        accounts.open(entry.accountId());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Account payer = accounts.find(entry.accountId()).orElseThrow();
            if (payer.recentEventIds().contains(entry.eventId())) {
                // the debit landed before an interruption
                return new Settled(payer, 0, false);
            }
            Optional<Reservation> reservation = payer.reservation(entry.requestId());
            Optional<Account> debited = accounts.debit(debitOf(entry, reservation.orElse(null)));
            if (debited.isPresent()) {
                return new Settled(debited.get(), reservation.map(Reservation::amount).orElse(0L), true);
            }
        }
        throw new IllegalStateException("Usage " + entry.eventId() + " kept racing changes of account "
                + entry.accountId());
    }

    private static AccountDebit debitOf(LedgerEntry entry, Reservation settles) {
        boolean charged = !entry.ownKey() || entry.amount() > 0;
        long tokens = entry.tokens().input() + entry.tokens().output();
        return new AccountDebit(entry.accountId(), entry.eventId(), entry.requestId(), entry.amount(),
                entry.tokens().input(), entry.tokens().output(), charged ? tokens : 0, settles);
    }
}
