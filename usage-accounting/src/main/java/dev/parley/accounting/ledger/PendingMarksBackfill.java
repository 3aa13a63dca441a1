package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Marks the entries a crash left PENDING before {@link PendingMarks} existed, once per database: the one query by
 * state over the whole ledger there is. Done is recorded in {@code migrations}, read by id at every start. A change
 * completed while this runs may be marked again; the recovery jobs drop such marks.
 */
@Component
class PendingMarksBackfill {

    static final String COLLECTION = "migrations";
    static final String ID = "ledger-pending-marks";
    private static final Logger log = LoggerFactory.getLogger(PendingMarksBackfill.class);

    private final MongoOperations mongo;
    private final PendingMarks marks;
    private final Clock clock;

    PendingMarksBackfill(MongoOperations mongo, PendingMarks marks, Clock clock) {
        this.mongo = mongo;
        this.marks = marks;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillOnce() {
        if (mongo.exists(query(where("_id").is(ID)), COLLECTION)) {
            return;
        }
        int marked = backfill();
        mongo.save(new Document("_id", ID).append("doneAt", clock.instant()).append("marked", marked), COLLECTION);
        log.info("Marked {} ledger entries left pending before pending marks existed", marked);
    }

    int backfill() {
        int[] marked = {0};
        try (var pending = mongo.stream(query(where("state").is(LedgerState.PENDING.name())
                .and("type").ne(LedgerType.DEBIT.name())), LedgerEntry.class)) {
            pending.forEach(entry -> {
                marks.mark(entry);
                marked[0]++;
            });
        }
        return marked[0];
    }
}
