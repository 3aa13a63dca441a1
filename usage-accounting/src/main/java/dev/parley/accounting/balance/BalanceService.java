package dev.parley.accounting.balance;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerCondition;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerType;

/**
 * Sets a balance to a value by recording the difference as an adjustment. The adjustment applies only while the
 * balance is still the one the difference was computed from; when usage lands in between, it is recomputed.
 */
@Service
public class BalanceService {

    private static final int ATTEMPTS = 20;

    private final AccountRepository accounts;
    private final BalanceChanges changes;
    private final Clock clock;

    BalanceService(AccountRepository accounts, BalanceChanges changes, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
    }

    /** @param source who sets it: {@code ADMIN} or {@code INTEGRATION} */
    public Account setBalance(String accountId, long balance, String source) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Account account = accounts.open(accountId);
            long delta = Math.subtractExact(balance, account.balance());
            if (delta == 0) {
                return account;
            }
            Instant now = clock.instant();
            LedgerType type = delta > 0 ? LedgerType.ADJUSTMENT_CREDIT : LedgerType.ADJUSTMENT_DEBIT;
            var entry = LedgerEntry.change("adjust:" + UUID.randomUUID(), type, accountId, Math.abs(delta), source,
                    now, now, LedgerCondition.balanceIs(account.balance()));
            Optional<Account> changed = changes.apply(entry);
            if (changed.isPresent()) {
                return changed.get();
            }
        }
        throw new IllegalStateException("Balance of " + accountId + " kept changing");
    }
}
