package dev.parley.accounting.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/**
 * The rules of an account's guard against applying a usage event twice: {@code recentEventIds} holds every applied
 * event id whose ledger entry may not be APPLIED yet, and {@code eventEpoch} counts the writes that took ids out of it.
 * <p>
 * Invariant: an event applied to the account is in {@code recentEventIds}, or its ledger entry is APPLIED. It holds
 * because the debit adds its ids in the same write, APPLIED is final, and an id leaves only when its entry was read
 * APPLIED before ({@link #trimmable}), in a write that increments the epoch. A debit conditional on the epoch it
 * read (unchanged) and on none of its ids being held therefore applies only ids that were neither held when it read
 * the account nor APPLIED when it read the ledger after that (docs/decisions.md, "the debit guard holds unfinished ids").
 */
public final class EventIdGuard {

    /** Ids added since the last trim after which a batch trims the account's ids. */
    public static final int TRIM_AFTER = 64;

    static final String IDS = "recentEventIds";
    static final String EPOCH = "eventEpoch";
    static final String COUNT = "recentEventCount";

    private EventIdGuard() {
    }

    /** The condition "the epoch is still {@code epoch}"; accounts written before the epoch existed have none: 0. */
    static Object epochIs(long epoch) {
        return epoch == 0 ? new Document("$in", Arrays.asList(null, 0L)) : epoch;
    }

    /** Whether enough ids were added since the last trim that trimming is worth its three commands. */
    public static boolean shouldTrim(Account account) {
        return account.recentEventCount() >= TRIM_AFTER;
    }

    /**
     * @param held the account's ids
     * @param appliedEntries ids whose ledger entries, paid by this account, were read APPLIED
     * @return the held ids that may leave, in their order
     */
    public static List<String> trimmable(List<String> held, Collection<String> appliedEntries) {
        Set<String> applied = new HashSet<>(appliedEntries);
        return held.stream().filter(applied::contains).toList();
    }

    /**
     * Which of a debit's event ids are still to apply, from an account read and then the ledger read after it.
     *
     * @param eventIds the debit's ids
     * @param held the account's ids as read
     * @param appliedEntries ids whose ledger entries were read APPLIED after the account was read
     */
    public static List<String> toApply(List<String> eventIds, Collection<String> held,
            Collection<String> appliedEntries) {
        Set<String> done = new HashSet<>(held);
        done.addAll(appliedEntries);
        return eventIds.stream().filter(id -> !done.contains(id)).toList();
    }
}
