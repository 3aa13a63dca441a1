package dev.parley.accounting.reservation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;

/**
 * Group commit of the holds of one account: while one hold of an account is being written, the holds of the same
 * account that arrive queue up, and the next writer holds all of them (up to {@link #MAX_GROUP}) with one conditional
 * update ({@link HoldGroup}). Each write of a busy account's document costs the database about the document's size,
 * under a lock of the whole collection; a hundred clients on one API key made a hundred such writes at once, and the
 * debits that settle reservations starved behind them, so reservations piled up on the document and made every write
 * dearer still. When a group's write matches nothing, each of its holds is tried on its own, exactly as a single hold:
 * grouping never refuses a request that would have been admitted alone.
 */
final class HoldLanes {

    static final int MAX_GROUP = 64;

    /** Writes one group; the account after it, empty when its conditions did not hold. */
    interface Writer {
        Optional<Account> hold(HoldGroup group);
    }

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param key the account, and whatever else its writer's filter depends on besides the reservations
     * @return the account after a write that held this reservation; empty when it could not be held
     */
    Optional<Account> hold(String key, Reservation reservation, ReservationLimits limits, Writer writer) {
        Pending mine = new Pending(reservation, limits, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(key, ignored -> new Lane());
        lane.add(mine);
        lane.lock.lock();
        try {
            // whoever held the lock before may have written this hold with theirs
            while (!mine.result.isDone()) {
                write(lane.next(), writer);
            }
        } finally {
            if (lane.isEmpty()) {
                // a hold that still finds the removed lane writes through it alone: only the sharing is lost
                lanes.remove(key, lane);
            }
            lane.lock.unlock();
        }
        try {
            return mine.result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static void write(List<Pending> group, Writer writer) {
        if (group.size() > 1) {
            Optional<Account> held;
            try {
                held = writer.hold(new HoldGroup(group.stream().map(Pending::reservation).toList(),
                        group.stream().map(Pending::limits).toList()));
            } catch (RuntimeException e) {
                group.forEach(pending -> pending.result.completeExceptionally(e));
                return;
            }
            if (held.isPresent()) {
                group.forEach(pending -> pending.result.complete(held));
                return;
            }
        }
        for (Pending pending : group) {
            try {
                pending.result.complete(writer.hold(new HoldGroup(List.of(pending.reservation),
                        List.of(pending.limits))));
            } catch (RuntimeException e) {
                pending.result.completeExceptionally(e);
            }
        }
    }

    record Pending(Reservation reservation, ReservationLimits limits,
            CompletableFuture<Optional<Account>> result) {
    }

    static final class Lane {

        final ReentrantLock lock = new ReentrantLock();
        private final ArrayDeque<Pending> queue = new ArrayDeque<>();

        synchronized void add(Pending pending) {
            queue.add(pending);
        }

        synchronized boolean isEmpty() {
            return queue.isEmpty();
        }

        /**
         * The oldest waiting holds that can be written together: one per reservation id (a retry waits for the next
         * write, which finds it held), and no more of one user than that user's bound; the oldest always.
         */
        synchronized List<Pending> next() {
            List<Pending> group = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Map<String, int[]> byUser = new HashMap<>();
            for (Iterator<Pending> waiting = queue.iterator(); waiting.hasNext() && group.size() < MAX_GROUP;) {
                Pending pending = waiting.next();
                int[] user = byUser.computeIfAbsent(pending.reservation.userId(),
                        ignored -> new int[] {0, Integer.MAX_VALUE});
                int bound = pending.limits.perUser() == null ? user[1] : Math.min(user[1], pending.limits.perUser());
                if (group.isEmpty() || (user[0] < bound && ids.add(pending.reservation.reservationId()))) {
                    ids.add(pending.reservation.reservationId());
                    user[0]++;
                    user[1] = bound;
                    group.add(pending);
                    waiting.remove();
                }
            }
            return group;
        }
    }
}
