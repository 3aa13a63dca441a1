package dev.parley.accounting.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;

/**
 * The last {@code eventEpoch} this process saw per paying account, so that a batch of new usage can debit an account
 * without reading it first. A batch takes its {@link #snapshot} before it writes its ledger entries: an epoch
 * observed before an event's entry existed is one no debit of that event can have moved ({@link
 * dev.parley.accounting.account.EventIdGuard}). A stale or missing value only costs a read.
 */
@Component
class EventEpochs {

    /** Accounts remembered; past it the map starts over (a read each for the accounts still in use). */
    static final int MAX_ACCOUNTS = 100_000;

    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    /** Records the epoch of an account just returned by a read or a write. */
    void observed(Account account) {
        if (epochs.size() >= MAX_ACCOUNTS) {
            epochs.clear();
        }
        epochs.put(account.userId(), account.eventEpoch());
    }

    /** @return the epochs known of these accounts, by account id (absent when unknown) */
    Map<String, Long> snapshot(Collection<String> accountIds) {
        Map<String, Long> known = new HashMap<>();
        for (String accountId : accountIds) {
            Long epoch = epochs.get(accountId);
            if (epoch != null) {
                known.put(accountId, epoch);
            }
        }
        return known;
    }
}
