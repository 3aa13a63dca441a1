package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The ledger; an id derived from what the entry applies makes "seen before" a duplicate-key error. */
@Repository
public class LedgerRepository {

    static final String COLLECTION = "ledger";
    private static final int DUPLICATE_KEY = 11000;

    /** Marks whose entry is missing (a crash between the two writes) are kept this long, for a very slow writer. */
    static final Duration ORPHAN_MARK_AGE = Duration.ofHours(1);

    private final MongoOperations mongo;
    private final PendingMarks marks;

    LedgerRepository(MongoOperations mongo, PendingMarks marks) {
        this.mongo = mongo;
        this.marks = marks;
    }

    /**
     * Inserts a pending entry; one that is not a usage debit is first marked pending (see {@link #pending}).
     *
     * @return false when an entry with this id exists already
     */
    public boolean insertPending(LedgerEntry entry) {
        if (entry.state() != LedgerState.PENDING) {
            throw new IllegalArgumentException("Only pending entries are inserted");
        }
        if (PendingMarks.marked(entry.type())) {
            marks.mark(entry);
        }
        return insertIfAbsent(entry);
    }

    /** @return false when an entry with this id exists already */
    public boolean insertIfAbsent(LedgerEntry entry) {
        try {
            mongo.insert(entry);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    /**
     * Inserts pending entries in one unordered bulk write: each entry whose id exists already is refused alone, as a
     * duplicate key, and the others are written.
     *
     * @return the ids that existed already
     * @throws BulkOperationException when an entry failed for another reason than its id existing
     */
    public Set<String> insertPendingAll(List<LedgerEntry> entries) {
        if (entries.stream().anyMatch(entry -> entry.state() != LedgerState.PENDING)) {
            throw new IllegalArgumentException("Only pending entries are inserted");
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, LedgerEntry.class).insert(entries).execute();
            return Set.of();
        } catch (BulkOperationException refused) {
            if (!refused.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw refused;
            }
            Set<String> seen = new HashSet<>();
            refused.getErrors().forEach(error -> seen.add(entries.get(error.getIndex()).eventId()));
            return seen;
        }
    }

    /** The entries with these ids, in one query by id. */
    public List<LedgerEntry> findAll(Collection<String> eventIds) {
        return mongo.find(query(where("_id").in(eventIds)), LedgerEntry.class);
    }

    /** Marks several pending entries applied in one unordered bulk write (entries no longer pending are left alone). */
    public void markAppliedAll(List<Applied> applied, Instant appliedAt) {
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, LedgerEntry.class);
        applied.forEach(entry -> bulk.updateOne(query(where("_id").is(entry.eventId()).and("state")
                .is(LedgerState.PENDING)), appliedUpdate(entry.balanceAfter(), entry.released(), appliedAt)));
        bulk.execute();
    }

    /** What marking an entry applied records: the balance right after it, and the reservation credits it released. */
    public record Applied(String eventId, long balanceAfter, long released) {
    }

    public Optional<LedgerEntry> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, LedgerEntry.class));
    }

    public void markApplied(String eventId, long balanceAfter, Instant appliedAt) {
        markApplied(eventId, balanceAfter, 0, appliedAt);
    }

    /** Marks a pending entry that is not a usage debit applied (debits: {@link #markAppliedAll}). */
    public void markApplied(String eventId, long balanceAfter, long released, Instant appliedAt) {
        mongo.updateFirst(query(where("_id").is(eventId).and("state").is(LedgerState.PENDING)),
                appliedUpdate(balanceAfter, released, appliedAt), LedgerEntry.class);
        marks.unmark(eventId);
    }

    private static Update appliedUpdate(long balanceAfter, long released, Instant appliedAt) {
        return new Update().set("state", LedgerState.APPLIED).set("balanceAfter", balanceAfter)
                .set("released", released).set("appliedAt", appliedAt);
    }

    /**
     * Pending entries of the given types (not usage debits) written before {@code createdBefore}, oldest first. Reads
     * the marks of pending entries, then those entries by id: nothing here grows with the ledger. Marks whose entry
     * is no longer pending are removed on the way.
     */
    public List<LedgerEntry> pending(Collection<LedgerType> types, Instant createdBefore, int limit) {
        List<PendingMark> found = marks.older(types, createdBefore, limit);
        Map<String, LedgerEntry> entries = new HashMap<>();
        if (!found.isEmpty()) {
            findAll(found.stream().map(PendingMark::eventId).toList()).forEach(e -> entries.put(e.eventId(), e));
        }
        List<LedgerEntry> pending = new ArrayList<>();
        for (PendingMark mark : found) {
            LedgerEntry entry = entries.get(mark.eventId());
            if (entry != null && entry.state() == LedgerState.PENDING) {
                pending.add(entry);
            } else if (obsolete(mark, entry, createdBefore)) {
                marks.unmark(mark.eventId());
            }
        }
        return pending;
    }

    /**
     * Whether a mark can go: its entry is no longer pending, or it is missing and the mark is so old that no writer
     * can still be about to insert it.
     *
     * @param entry the marked entry, null when missing
     */
    static boolean obsolete(PendingMark mark, LedgerEntry entry, Instant createdBefore) {
        if (entry != null) {
            return entry.state() != LedgerState.PENDING;
        }
        return mark.createdAt().isBefore(createdBefore.minus(ORPHAN_MARK_AGE));
    }

    public void markVoid(String eventId) {
        mongo.updateFirst(query(where("_id").is(eventId).and("state").is(LedgerState.PENDING)),
                new Update().set("state", LedgerState.VOID), LedgerEntry.class);
        marks.unmark(eventId);
    }
}
