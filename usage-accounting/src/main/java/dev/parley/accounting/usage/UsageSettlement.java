package dev.parley.accounting.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountDebit;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.EventIdGuard;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;

/**
 * Step 2 of the debit protocol: debit the paying account with all of a poll's usage it pays, and release the
 * reservations that usage settles, in one conditional update. The update names each reservation it releases, each
 * event id it applies and the guard's epoch ({@link EventIdGuard}), so when an expiry, a release, a trim or an earlier
 * delivery races it, it matches nothing and is retried against a fresh read of the account, then of the ledger, with
 * only what neither shows applied.
 */
@Component
class UsageSettlement {

    private static final int ATTEMPTS = 20;

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final EventEpochs epochs;

    UsageSettlement(AccountRepository accounts, LedgerRepository ledger, EventEpochs epochs) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.epochs = epochs;
    }

    /**
     * A usage to settle: its pending ledger entry, the reservation its event names (null: none), and whether this
     * delivery wrote the entry (false: it existed, a delivery before may have debited it).
     */
    record Pending(LedgerEntry entry, RecordedUsage.Held held, boolean fresh) {
    }

    /**
     * @param debited whether this call changed the balance (false: it had been applied before)
     * @param released credits of the reservation released with it
     * @param balanceAfter the balance right after it, as if the usages were applied one by one in their order
     */
    record Result(LedgerEntry entry, boolean debited, long released, long balanceAfter) {
    }

    /**
     * @param account the paying account after the debits
     * @param results one per usage, in their order
     */
    record Settled(Account account, List<Result> results) {

        boolean anyDebited() {
            return results.stream().anyMatch(Result::debited);
        }
    }

    /**
     * @param pending usages paid by {@code accountId}, in the order they were recorded (at most
     *        {@link AccountRepository#RECENT_EVENT_WINDOW}). The reservations their events name allow the usual case in
     *        one update without reading the account first. Null, stale or already settled: the account is read and
     *        each reservation found there.
     * @param knownEpoch the account's epoch as observed before this delivery wrote its ledger entries; null when
     *        unknown. It lets usages whose entries this delivery wrote debit without a read.
     */
    Settled settleAll(String accountId, List<Pending> pending, Long knownEpoch) {
        if (knownEpoch != null && pending.stream().allMatch(usage -> usage.fresh() && names(accountId, usage))
                && distinctRequests(pending)) {
            List<AccountDebit> debits = pending.stream().map(usage -> debitOf(usage.entry(), named(usage))).toList();
            Optional<Account> debited = debit(accountId, knownEpoch, debits);
            if (debited.isPresent()) {
                return settled(debited.get(), pending, debits);
            }
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Account payer = attempt == 0 ? accounts.find(accountId).orElseGet(() -> accounts.open(accountId))
                    : accounts.find(accountId).orElseThrow();
            epochs.observed(payer);
            // what landed before an interruption is not applied again: the account holds it, or (read after the
            // account) its ledger entry is APPLIED
            Set<String> toApply = new HashSet<>(EventIdGuard.toApply(eventIds(pending), payer.recentEventIds(),
                    appliedEntries(pending, payer.recentEventIds())));
            List<AccountDebit> debits = debitsFor(payer, pending.stream()
                    .filter(usage -> toApply.contains(usage.entry().eventId())).toList());
            if (debits.isEmpty()) {
                return settled(payer, pending, debits);
            }
            Optional<Account> debited = debit(accountId, payer.eventEpoch(), debits);
            if (debited.isPresent()) {
                return settled(debited.get(), pending, debits);
            }
        }
        throw new IllegalStateException("Usage " + pending.get(0).entry().eventId() + " and " + (pending.size() - 1)
                + " more kept racing changes of account " + accountId);
    }

    private Optional<Account> debit(String accountId, long epoch, List<AccountDebit> debits) {
        Optional<Account> debited = accounts.debitAll(accountId, epoch, debits);
        debited.ifPresent(epochs::observed);
        return debited;
    }

    private static List<String> eventIds(List<Pending> pending) {
        return pending.stream().map(usage -> usage.entry().eventId()).toList();
    }

    /** Of the usages the account does not hold, those whose entries are APPLIED (read now, after the account). */
    private Set<String> appliedEntries(List<Pending> pending, List<String> held) {
        Set<String> heldIds = new HashSet<>(held);
        List<String> unheld = eventIds(pending).stream().filter(id -> !heldIds.contains(id)).toList();
        Set<String> applied = new HashSet<>();
        if (!unheld.isEmpty()) {
            ledger.findAll(unheld).stream().filter(entry -> entry.state() == LedgerState.APPLIED)
                    .forEach(entry -> applied.add(entry.eventId()));
        }
        return applied;
    }

    private static boolean names(String accountId, Pending usage) {
        return usage.held() != null && usage.held().accountId().equals(accountId);
    }

    private static boolean distinctRequests(List<Pending> pending) {
        return pending.stream().map(usage -> usage.entry().requestId()).distinct().count() == pending.size();
    }

    private static Reservation named(Pending usage) {
        LedgerEntry entry = usage.entry();
        return new Reservation(entry.requestId(), entry.userId(), entry.model(), usage.held().amount(), null, null);
    }

    /** Each reservation the account holds is settled by the first usage of its request. */
    private static List<AccountDebit> debitsFor(Account payer, List<Pending> fresh) {
        Set<String> claimed = new HashSet<>();
        List<AccountDebit> debits = new ArrayList<>();
        for (Pending usage : fresh) {
            Reservation reservation = payer.reservation(usage.entry().requestId())
                    .filter(held -> claimed.add(held.reservationId())).orElse(null);
            debits.add(debitOf(usage.entry(), reservation));
        }
        return debits;
    }

    private static Settled settled(Account account, List<Pending> pending, List<AccountDebit> debits) {
        Map<String, AccountDebit> byEvent = new HashMap<>();
        debits.forEach(debit -> byEvent.put(debit.eventId(), debit));
        List<Result> results = new ArrayList<>();
        long after = account.balance();
        for (int i = pending.size() - 1; i >= 0; i--) {
            LedgerEntry entry = pending.get(i).entry();
            AccountDebit debit = byEvent.get(entry.eventId());
            results.add(0, new Result(entry, debit != null, debit != null && debit.settles() != null
                    ? debit.settles().amount() : 0, after));
            after += debit != null ? debit.amount() : 0;
        }
        return new Settled(account, results);
    }

    private static AccountDebit debitOf(LedgerEntry entry, Reservation settles) {
        boolean charged = !entry.ownKey() || entry.amount() > 0;
        long tokens = entry.tokens().input() + entry.tokens().output();
        return new AccountDebit(entry.accountId(), entry.eventId(), entry.requestId(), entry.amount(),
                entry.tokens().input(), entry.tokens().output(), charged ? tokens : 0, settles);
    }
}
