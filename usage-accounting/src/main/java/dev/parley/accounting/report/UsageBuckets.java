package dev.parley.accounting.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.ledger.LedgerEntry;

/**
 * Adds applied usage to its daily and monthly buckets, each increment once per event: a bucket remembers the last
 * {@value #RECENT_EVENT_WINDOW} event ids it counted, which must hold every event of one {@link #addAll} call (at
 * most {@value #MAX_EVENTS_PER_ADD}) with room for a consumer that stalled through a rebalance.
 */
@Repository
public class UsageBuckets {

    /** The most events one {@link #addAll} may count. */
    public static final int MAX_EVENTS_PER_ADD = 64;
    static final String COLLECTION = "usage_buckets";
    static final int RECENT_EVENT_WINDOW = 2 * MAX_EVENTS_PER_ADD;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;

    UsageBuckets(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @param organisationId the organisation that paid, or null */
    public void add(LedgerEntry usage, String organisationId) {
        addAll(List.of(usage), entry -> organisationId);
    }

    /**
     * The day and month buckets of all these usages in one round trip: one conditional upsert per bucket, adding the
     * sum of its events that it does not remember. When it remembers any of them (a redelivery after a crash), the
     * upsert matches nothing and its insert of a second document with the bucket's id fails as a duplicate key; those
     * buckets are then added event by event, where a duplicate key means that event was counted.
     *
     * @param organisationOf the organisation that paid a usage, or null
     */
    public void addAll(List<LedgerEntry> usages, Function<LedgerEntry, String> organisationOf) {
        if (usages.size() > MAX_EVENTS_PER_ADD) {
            throw new IllegalArgumentException("At most " + MAX_EVENTS_PER_ADD + " events per add");
        }
        Map<String, Increment> buckets = new LinkedHashMap<>();
        for (LedgerEntry usage : usages) {
            LocalDate day = LocalDate.ofInstant(usage.recordedAt(), ZoneOffset.UTC);
            String organisationId = organisationOf.apply(usage);
            for (Increment bucket : List.of(new Increment(Period.DAY, day, usage, organisationId),
                    new Increment(Period.MONTH, day.withDayOfMonth(1), usage, organisationId))) {
                buckets.computeIfAbsent(bucket.id(), id -> bucket).add(usage);
            }
        }
        List<Increment> refused = execute(List.copyOf(buckets.values()));
        List<Increment> oneByOne = new ArrayList<>();
        for (Increment bucket : refused) {
            bucket.usages.forEach(usage -> oneByOne.add(new Increment(bucket.period, bucket.startDay, usage,
                    bucket.organisationId).add(usage)));
        }
        execute(oneByOne);
    }

    /** @return the buckets whose upsert was refused as a duplicate key: they remember one of their events */
    private List<Increment> execute(List<Increment> increments) {
        if (increments.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, UsageBucket.class);
        increments.forEach(bucket -> bulk.upsert(bucket.filter(), bucket.update()));
        try {
            bulk.execute();
            return List.of();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            return e.getErrors().stream().map(error -> increments.get(error.getIndex()))
                    .filter(bucket -> bucket.usages.size() > 1).toList();
        }
    }

    /** One bucket's share of the usages. */
    private static final class Increment {

        private final Period period;
        private final LocalDate startDay;
        private final String organisationId;
        private final String id;
        private final LedgerEntry first;
        private final List<LedgerEntry> usages = new ArrayList<>();

        Increment(Period period, LocalDate startDay, LedgerEntry first, String organisationId) {
            this.period = period;
            this.startDay = startDay;
            this.organisationId = organisationId;
            this.first = first;
            this.id = String.join("|", period.name(), period.label(startDay), first.userId(),
                    organisationId != null ? organisationId : "-", first.model());
        }

        String id() {
            return id;
        }

        Increment add(LedgerEntry usage) {
            usages.add(usage);
            return this;
        }

        Query filter() {
            List<String> eventIds = usages.stream().map(LedgerEntry::eventId).toList();
            return query(where("_id").is(id).and("recentEventIds").nin(eventIds));
        }

        Update update() {
            Update update = new Update()
                    .setOnInsert("period", period.name())
                    .setOnInsert("start", period.label(startDay))
                    .setOnInsert("startsAt", startDay.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .setOnInsert("userId", first.userId())
                    .setOnInsert("organisationId", organisationId)
                    .setOnInsert("model", first.model())
                    .inc("requests", usages.size())
                    .inc("inputTokens", sum(usage -> usage.tokens().input()))
                    .inc("outputTokens", sum(usage -> usage.tokens().output()))
                    .inc("cachedInputTokens", sum(usage -> usage.tokens().cachedInput()))
                    .inc("cost", sum(LedgerEntry::amount));
            update.push("recentEventIds").slice(-RECENT_EVENT_WINDOW)
                    .each(usages.stream().map(LedgerEntry::eventId).toArray());
            return update;
        }

        private long sum(ToLongFunction<LedgerEntry> field) {
            return usages.stream().mapToLong(field).reduce(0, Math::addExact);
        }
    }
}
