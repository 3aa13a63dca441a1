package dev.parley.accounting.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;

/**
 * The usages of one batch still going through the debit protocol, and the first failure. A usage that fails a step
 * leaves the batch, so no later step runs for it (its buckets are never counted before its debit, its entry never
 * marked before its buckets); the others carry on. The batch then fails at the lowest position that failed: every
 * usage before it went through every step.
 */
final class UsageBatch {

    /**
     * A usage at its position in the batch, with its ledger entry (the stored one when it was seen before: then
     * {@code seen}, and a delivery before may have debited it).
     */
    record Item(int index, RecordedUsage usage, LedgerEntry entry, boolean defaultPrice, boolean seen) {

        Item with(LedgerEntry stored) {
            return new Item(index, usage, stored, false, true);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<String, LedgerRepository.Applied> settled = new HashMap<>();
    private final Map<String, Account> debited = new LinkedHashMap<>();
    private int failedAt = Integer.MAX_VALUE;
    private Item failedItem;
    private RuntimeException failure;

    void add(Item item) {
        items.add(item);
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    List<LedgerEntry> entries() {
        return items.stream().map(Item::entry).toList();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    void replace(Item item, LedgerEntry stored) {
        items.set(items.indexOf(item), item.with(stored));
    }

    void remove(Item item) {
        items.remove(item);
    }

    /** Step 2 ended for this usage: what marking its entry applied records. */
    void settled(LedgerRepository.Applied applied) {
        settled.put(applied.eventId(), applied);
    }

    /** An account as its debit of this batch returned it. */
    void debited(Account account) {
        debited.put(account.userId(), account);
    }

    /** The accounts this batch debited, as their debits returned them. */
    Collection<Account> debitedAccounts() {
        return debited.values();
    }

    /** What marking the entries of the items still in the batch records. */
    List<LedgerRepository.Applied> settled() {
        return items.stream().map(item -> settled.get(item.entry().eventId())).toList();
    }

    /** The items by paying account, each account's in batch order. */
    Map<String, List<Item>> byAccount() {
        Map<String, List<Item>> byAccount = new LinkedHashMap<>();
        items.forEach(item -> byAccount.computeIfAbsent(item.entry().accountId(), id -> new ArrayList<>()).add(item));
        return byAccount;
    }

    /** Runs a step for all items; when it fails, all of them leave the batch. */
    void forAll(Consumer<List<Item>> step) {
        if (items.isEmpty()) {
            return;
        }
        List<Item> all = items();
        try {
            step.accept(all);
        } catch (RuntimeException e) {
            fail(all, e);
        }
    }

    void fail(List<Item> failed, RuntimeException cause) {
        for (Item item : failed) {
            items.remove(item);
            if (item.index() < failedAt) {
                failedAt = item.index();
                failedItem = item;
                failure = cause;
            }
        }
    }

    /** A usage that failed before it entered the batch (it could not be priced): the batch stops there. */
    void failBefore(int index, String eventId, RuntimeException cause) {
        if (index < failedAt) {
            failedAt = index;
            failedItem = null;
            failure = new UsageBatchException(index, eventId, cause);
        }
    }

    void throwIfFailed() {
        if (failure instanceof UsageBatchException early) {
            throw early;
        }
        if (failure != null) {
            throw new UsageBatchException(failedAt, failedItem.usage().eventId(), failure);
        }
    }
}
