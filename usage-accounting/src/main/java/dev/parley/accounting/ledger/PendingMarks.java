package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The ids of ledger entries that may be PENDING, apart from usage debits (Kafka redelivers those). A query by state
 * over the ledger scans the whole collection on the embedded MongoDB (it ignores non-unique indexes), and the
 * ledger grows with every debit; this collection holds only changes in flight and what a crash left unfinished.
 * A mark can outlive its entry's completion (a crash between the two writes): readers treat it as a hint only.
 */
@Component
class PendingMarks {

    static final String COLLECTION = "ledger_pending";

    private final MongoOperations mongo;

    PendingMarks(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Whether entries of this type are marked: every type but usage debits. */
    static boolean marked(LedgerType type) {
        return type != LedgerType.DEBIT;
    }

    void mark(LedgerEntry entry) {
        mongo.save(new PendingMark(entry.eventId(), entry.type(), entry.createdAt()));
    }

    void unmark(String eventId) {
        mongo.remove(query(where("_id").is(eventId)), PendingMark.class);
    }

    /** Marks of these types created before {@code createdBefore}, oldest first. */
    List<PendingMark> older(Collection<LedgerType> types, Instant createdBefore, int limit) {
        return mongo.find(query(where("type").in(types.stream().map(Enum::name).toList())
                .and("createdAt").lt(createdBefore)).with(Sort.by("createdAt")).limit(limit), PendingMark.class);
    }
}
