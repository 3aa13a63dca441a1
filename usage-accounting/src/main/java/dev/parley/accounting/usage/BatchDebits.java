package dev.parley.accounting.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.EventIdGuard;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.platform.kafka.FailureKind;
import dev.parley.platform.kafka.Failures;

/**
 * Step 2 of {@link UsageAccountingService}'s protocol for a batch: each paying account debited with its usages
 * ({@link UsageSettlement}), all accounts at once ({@link AccountWrites}), then what follows each debit in the
 * accounts' order (side effects, what marking the entries records); and after step 4 the trims of the accounts due
 * one, also at once. The accounts are independent documents: a crash between their writes leaves some debited and
 * some not, which a redelivery finishes as it finishes any batch (the guard of each account holds what it applied).
 */
@Component
class BatchDebits {

    private final UsageSettlement settlement;
    private final UsageSideEffects effects;
    private final EventIdTrim trim;
    private final AccountWrites writes;

    BatchDebits(UsageSettlement settlement, UsageSideEffects effects, EventIdTrim trim, AccountWrites writes) {
        this.settlement = settlement;
        this.effects = effects;
        this.trim = trim;
        this.writes = writes;
    }

    /** Step 2 for every paying account of the batch at once; what follows each write runs here, in account order. */
    void settleAll(UsageBatch batch, Map<String, Long> knownEpochs) {
        Map<String, List<UsageBatch.Item>> byAccount = batch.byAccount();
        writes.each(byAccount.keySet(), accountId -> settlement.settleAll(accountId, pending(byAccount.get(accountId)),
                knownEpochs.get(accountId))).forEach((accountId, outcome) -> settled(batch, accountId,
                        byAccount.get(accountId), knownEpochs.get(accountId), outcome));
    }

    private void settle(UsageBatch batch, String accountId, List<UsageBatch.Item> items, Long knownEpoch) {
        settled(batch, accountId, items, knownEpoch,
                AccountWrites.attempt(accountId, id -> settlement.settleAll(id, pending(items), knownEpoch)));
    }

    /** Records what the account's write settled, or fails or splits its items when the write or the record failed. */
    private void settled(UsageBatch batch, String accountId, List<UsageBatch.Item> items, Long knownEpoch,
            AccountWrites.Outcome<UsageSettlement.Settled> outcome) {
        try {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            record(batch, outcome.value());
        } catch (RuntimeException e) {
            failOrSplit(batch, accountId, items, knownEpoch, e);
        }
    }

    private void failOrSplit(UsageBatch batch, String accountId, List<UsageBatch.Item> items, Long knownEpoch,
            RuntimeException failure) {
        if (items.size() == 1 || Failures.classify(failure) == FailureKind.TRANSIENT) {
            batch.fail(items, failure);
            return;
        }
        // one usage the account cannot take must not fail the others it pays: settle them one by one
        items.forEach(item -> settle(batch, accountId, List.of(item), knownEpoch));
    }

    private static List<UsageSettlement.Pending> pending(List<UsageBatch.Item> items) {
        return items.stream().map(item -> new UsageSettlement.Pending(item.entry(), item.usage().reservation(),
                !item.seen())).toList();
    }

    private void record(UsageBatch batch, UsageSettlement.Settled settled) {
        batch.debited(settled.account());
        effects.afterDebits(settled);
        settled.results().forEach(result -> batch.settled(new LedgerRepository.Applied(result.entry().eventId(),
                result.balanceAfter(), result.released())));
    }

    /** The accounts due a trim of their event ids, trimmed at once as they were debited. */
    void trimDue(UsageBatch batch) {
        Map<String, Account> due = new LinkedHashMap<>();
        batch.debitedAccounts().stream().filter(EventIdGuard::shouldTrim)
                .forEach(account -> due.put(account.userId(), account));
        writes.each(due.keySet(), accountId -> {
            trim.trim(due.get(accountId));
            return accountId;
        });
    }
}
