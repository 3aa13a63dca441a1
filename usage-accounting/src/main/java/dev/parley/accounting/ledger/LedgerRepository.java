package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
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

    private final MongoOperations mongo;

    LedgerRepository(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return false when an entry with this id exists already */
    public boolean insertPending(LedgerEntry entry) {
        if (entry.state() != LedgerState.PENDING) {
            throw new IllegalArgumentException("Only pending entries are inserted");
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

    public void markApplied(String eventId, long balanceAfter, long released, Instant appliedAt) {
        mongo.updateFirst(query(where("_id").is(eventId).and("state").is(LedgerState.PENDING)),
                appliedUpdate(balanceAfter, released, appliedAt), LedgerEntry.class);
    }

    private static Update appliedUpdate(long balanceAfter, long released, Instant appliedAt) {
        return new Update().set("state", LedgerState.APPLIED).set("balanceAfter", balanceAfter)
                .set("released", released).set("appliedAt", appliedAt);
    }

    /** Pending entries of the given types written before {@code createdBefore}, oldest first. */
    public List<LedgerEntry> pending(Collection<LedgerType> types, Instant createdBefore, int limit) {
        return mongo.find(query(where("state").is(LedgerState.PENDING).and("type").in(types.stream().map(Enum::name).toList())
                .and("createdAt").lt(createdBefore)).with(Sort.by("createdAt")).limit(limit), LedgerEntry.class);
    }

    public void markVoid(String eventId) {
        mongo.updateFirst(query(where("_id").is(eventId).and("state").is(LedgerState.PENDING)),
                new Update().set("state", LedgerState.VOID), LedgerEntry.class);
    }
}
