package dev.parley.accounting.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.ledger.LedgerEntry;

/** Adds applied usage to its daily and monthly buckets, each increment once per event. */
@Repository
public class UsageBuckets {

    static final String COLLECTION = "usage_buckets";
    static final int RECENT_EVENT_WINDOW = 64;

    private final MongoOperations mongo;

    UsageBuckets(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @param organisationId the organisation that paid, or null */
    public void add(LedgerEntry usage, String organisationId) {
        LocalDate day = LocalDate.ofInstant(usage.recordedAt(), ZoneOffset.UTC);
        increment(usage, organisationId, Period.DAY, day);
        increment(usage, organisationId, Period.MONTH, day.withDayOfMonth(1));
    }

    private void increment(LedgerEntry usage, String organisationId, Period period, LocalDate startDay) {
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
        try {
            mongo.upsert(query(where("_id").is(id).and("recentEventIds").ne(usage.eventId())), update,
                    UsageBucket.class);
        } catch (DuplicateKeyException countedBefore) {
            // the bucket exists and remembers this event: the upsert tried to insert a second one
        }
    }
}
