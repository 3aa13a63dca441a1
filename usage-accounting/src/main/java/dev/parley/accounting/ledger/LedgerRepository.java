package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The ledger; an id derived from what the entry applies makes "seen before" a duplicate-key error. */
@Repository
public class LedgerRepository {

    static final String COLLECTION = "ledger";

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

    public Optional<LedgerEntry> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, LedgerEntry.class));
    }

    public void markApplied(String eventId, long balanceAfter, Instant appliedAt) {
        markApplied(eventId, balanceAfter, 0, appliedAt);
    }

    public void markApplied(String eventId, long balanceAfter, long released, Instant appliedAt) {
        mongo.updateFirst(query(where("_id").is(eventId).and("state").is(LedgerState.PENDING)),
                new Update().set("state", LedgerState.APPLIED).set("balanceAfter", balanceAfter)
                        .set("released", released).set("appliedAt", appliedAt),
                LedgerEntry.class);
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
