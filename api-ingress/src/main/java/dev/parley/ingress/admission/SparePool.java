package dev.parley.ingress.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Reservations held ahead of the requests of busy keys (user, model, own key), so that most requests are admitted
 * without a call to usage-accounting: the call, not its write, was the request path's largest cost (docs/decisions.md).
 * A spare is an ordinary reservation whose id becomes the request id of the request that takes it, so settlement,
 * release and expiry treat it as any other.
 * <p>
 * A key is busy when a request follows another within {@code idle / perKey}: at that rate one refill's spares are
 * used before they idle (each give-back is a call of its own). Then, when at most a quarter of {@code perKey} spares
 * are left, one background call (one at a time per key) holds the rest in one write, sized for the request that
 * asked. A spare unused for {@code idle} is given back, so a price change reaches new requests within that time and
 * credits and answer slots are held idle no longer; a refused or failed refill keeps the key quiet for {@code idle}.
 * Taken spares never return, except one whose request stopped before it was routed ({@link #putBack}): a published
 * request may settle its reservation at any time.
 */
final class SparePool {

    private static final Logger log = LoggerFactory.getLogger(SparePool.class);

    /** The smallest input a spare is sized for: most chat requests fit it. */
    static final long MIN_INPUT_TOKENS = 256;

    record Key(String userId, String model, boolean ownKey) {
    }

    /** What a refill asks for: room for the asking request's like, its input rounded up to a power of two. */
    record Size(long inputTokens, int maxOutputTokens) {

        static Size of(long estimatedInputTokens, int maxOutputTokens) {
            long input = Math.max(MIN_INPUT_TOKENS, estimatedInputTokens);
            long rounded = Long.highestOneBit(input);
            return new Size(rounded == input ? input : rounded << 1, maxOutputTokens);
        }
    }

    /** One reservation held ahead; {@code amount} covers any request within {@code size} at the price it was held at. */
    record Spare(String id, Size size, long amount, String accountId, Instant expiresAt, Instant heldAt) {

        boolean fits(long estimatedInputTokens, int maxOutputTokens) {
            return estimatedInputTokens <= size.inputTokens() && maxOutputTokens <= size.maxOutputTokens();
        }
    }

    /** How spares are held and given back: usage-accounting's reservations, in production. */
    interface Holder {

        /**
         * @return the spares held: all of {@code ids}, or none when the account cannot hold them together
         * @throws ApiProblem when the call failed
         */
        List<Spare> hold(Key key, Size size, List<String> ids);

        /**
         * Gives a reservation back; releasing one that is gone already does nothing.
         *
         * @return false when accounting could not be reached or failed: worth another try
         */
        boolean release(String userId, String id);
    }

    private final int perKey;
    private final Duration idle;
    private final Holder holder;
    private final Executor executor;
    private final Clock clock;
    private final ConcurrentHashMap<Key, SpareShelf> shelves = new ConcurrentHashMap<>();
    private final Queue<Released> unreturned = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile boolean failing;

    /** @param perKey spares held per key at most; 0 holds none */
    SparePool(int perKey, Duration idle, Holder holder, Executor executor, Clock clock) {
        this.perKey = perKey;
        this.idle = idle;
        this.holder = holder;
        this.executor = executor;
        this.clock = clock;
    }

    /** A spare the request fits, if the key holds one; may start a refill either way. */
    Optional<Spare> take(Key key, long estimatedInputTokens, int maxOutputTokens) {
        if (perKey == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SpareShelf shelf = shelves.computeIfAbsent(key, ignored -> new SpareShelf());
        Spare taken;
        int wanted;
        synchronized (shelf) {
            taken = shelf.take(estimatedInputTokens, maxOutputTokens, now.minus(idle));
            wanted = shelf.refillWanted(now, idle, perKey, closed);
        }
        if (wanted > 0) {
            Size size = Size.of(estimatedInputTokens, maxOutputTokens);
            executor.execute(() -> refill(key, size, wanted));
        }
        return Optional.ofNullable(taken);
    }

    /** Returns a spare whose request stopped before anything could publish it. */
    void putBack(Key key, Spare spare) {
        SpareShelf shelf = shelves.computeIfAbsent(key, ignored -> new SpareShelf());
        synchronized (shelf) {
            shelf.spares.addFirst(spare);
        }
    }

    /**
     * Gives back every spare of the user and keeps their keys quiet for {@code idle}: the caller was refused, and
     * this instance's own spares must never be why.
     *
     * @return how many were given back
     */
    int releaseUser(String userId) {
        Instant quietUntil = clock.instant().plus(idle);
        List<Spare> released = new ArrayList<>();
        shelves.forEach((key, shelf) -> {
            if (key.userId().equals(userId)) {
                synchronized (shelf) {
                    released.addAll(shelf.spares);
                    shelf.spares.clear();
                    shelf.quietUntil = quietUntil;
                }
            }
        });
        giveBack(released.stream().map(spare -> new Released(userId, spare)).toList());
        return released.size();
    }

    /**
     * Gives back spares unused for {@code idle}, and those an earlier give-back could not, and forgets keys quiet for
     * as long; run every second or so.
     */
    int releaseIdle() {
        Instant cutoff = clock.instant().minus(idle);
        List<Released> released = new ArrayList<>();
        for (Key key : shelves.keySet()) {
            shelves.computeIfPresent(key, (ignored, shelf) -> {
                synchronized (shelf) {
                    shelf.removeHeldBefore(cutoff).forEach(spare -> released.add(new Released(key.userId(), spare)));
                    return shelf.forgettable(cutoff) ? null : shelf;
                }
            });
        }
        int idleOnes = released.size();
        for (Released again = unreturned.poll(); again != null; again = unreturned.poll()) {
            released.add(again);
        }
        if (!released.isEmpty()) {
            // off the caller's thread: the scheduler that runs this also runs the streams' heartbeats
            executor.execute(() -> giveBack(released));
        }
        return idleOnes;
    }

    /**
     * Gives spares back; those accounting could not take back now are tried again with the next idle ones until they
     * expire (an outage of accounting or its database must not hold busy users' credits for the reservation TTL).
     */
    private void giveBack(List<Released> spares) {
        Instant now = clock.instant();
        int failed = 0;
        for (Released spare : spares) {
            if (!holder.release(spare.userId(), spare.spare().id())) {
                failed++;
                if (spare.spare().expiresAt() == null || spare.spare().expiresAt().isAfter(now)) {
                    unreturned.add(spare);
                }
            }
        }
        if (failed > 0 && !failing) {
            log.warn("Could not give back {} spare reservations; trying again every second until usage-accounting "
                    + "takes them (at the latest they expire)", failed);
        } else if (failed == 0 && failing && unreturned.isEmpty()) {
            log.info("Spare reservations are given back again");
        }
        failing = failed > 0;
    }

    /**
     * Gives back every spare, for at most {@code deadline} (the rest expire on their own); spares a running refill
     * brings later are given back as they arrive.
     */
    void close(Duration deadline) {
        closed = true;
        List<Released> released = new ArrayList<>();
        shelves.forEach((key, shelf) -> {
            synchronized (shelf) {
                shelf.spares.forEach(spare -> released.add(new Released(key.userId(), spare)));
                shelf.spares.clear();
            }
        });
        Instant end = clock.instant().plus(deadline);
        for (Released spare : released) {
            if (clock.instant().isAfter(end)) {
                break;
            }
            holder.release(spare.userId(), spare.spare().id());
        }
    }

    /** Spares held now. */
    int size() {
        int size = 0;
        for (SpareShelf shelf : shelves.values()) {
            synchronized (shelf) {
                size += shelf.spares.size();
            }
        }
        return size;
    }

    private void refill(Key key, Size size, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<Spare> held = List.of();
        boolean unanswered = false;
        try {
            held = holder.hold(key, size, ids);
        } catch (ApiProblem problem) {
            unanswered = problem.kind() == ProblemKind.UNAVAILABLE || problem.kind() == ProblemKind.UPSTREAM_FAILED;
        } catch (RuntimeException e) {
            unanswered = true;
        }
        if (unanswered) {
            // a call that timed out may still have held them: give them back rather than hold them until they expire
            // (no expiry known: tried again until accounting answers)
            giveBack(ids.stream().map(id -> new Released(key.userId(), new Spare(id, size, 0, null, null,
                    clock.instant()))).toList());
        }
        stock(key, held);
    }

    private void stock(Key key, List<Spare> held) {
        Instant now = clock.instant();
        boolean closing;
        SpareShelf shelf = shelves.computeIfAbsent(key, ignored -> new SpareShelf());
        synchronized (shelf) {
            shelf.refilling = false;
            closing = closed;
            if (held.isEmpty()) {
                shelf.quietUntil = now.plus(idle);
            } else if (!closing) {
                shelf.spares.addAll(held);
            }
        }
        if (closing) {
            giveBack(held.stream().map(spare -> new Released(key.userId(), spare)).toList());
        }
    }

    private record Released(String userId, Spare spare) {
    }
}
