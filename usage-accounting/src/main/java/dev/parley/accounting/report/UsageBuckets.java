package dev.parley.accounting.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.ledger.LedgerEntry;

/** Adds applied usage to its daily and monthly buckets, each increment once per event. */
@Repository
public class UsageBuckets {

    static final String COLLECTION = "usage_buckets";
    static final int RECENT_EVENT_WINDOW = 64;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;

    UsageBuckets(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Both buckets in one round trip. A bucket that remembers the event is left alone: its conditional upsert then
     * tries to insert a second document with the bucket's id, which fails as a duplicate key and is ignored.
     *
     * @param organisationId the organisation that paid, or null
     */
    public void add(LedgerEntry usage, String organisationId) {
        LocalDate day = LocalDate.ofInstant(usage.recordedAt(), ZoneOffset.UTC);
        BulkOperations both = mongo.bulkOps(BulkMode.UNORDERED, UsageBucket.class);
        increment(both, usage, organisationId, Period.DAY, day);
        increment(both, usage, organisationId, Period.MONTH, day.withDayOfMonth(1));
        try {
            both.execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static void increment(BulkOperations bulk, LedgerEntry usage, String organisationId, Period period,
            LocalDate startDay) {
        String start = period.label(startDay);
        String id = String.join("|", period.name(), start, usage.userId(),
                organisationId != null ? organisationId : "-", usage.model());
        Update update = new Update()
                .setOnInsert("period", period.name())
                .setOnInsert("start", start)
                .setOnInsert("startsAt", startDay.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setOnInsert("userId", usage.userId())
                .setOnInsert("organisationId", organisationId)
                .setOnInsert("model", usage.model())
                .inc("requests", 1)
                .inc("inputTokens", usage.tokens().input())
                .inc("outputTokens", usage.tokens().output())
                .inc("cachedInputTokens", usage.tokens().cachedInput())
                .inc("cost", usage.amount());
        update.push("recentEventIds").slice(-RECENT_EVENT_WINDOW).each(usage.eventId());
        bulk.upsert(query(where("_id").is(id).and("recentEventIds").ne(usage.eventId())), update);
    }
}
