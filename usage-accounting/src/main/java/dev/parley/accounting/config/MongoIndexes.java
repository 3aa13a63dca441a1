package dev.parley.accounting.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes behind every query that is not by id, so that listings, reports and the background jobs
 * stay cheap over millions of ledger entries and accounts. Creating an existing index is a no-op, so every
 * instance ensures them at start.
 */
@Component
class MongoIndexes {

    /** collection to indexes, each an ordered list of ascending fields */
    static final Map<String, List<List<String>>> INDEXES = Map.of(
            // user and admin transaction listings (state = APPLIED)
            "ledger", List.of(List.of("userId", "state", "recordedAt"), List.of("state", "recordedAt")),
            // the recovery jobs: pending changes and releases by type and age (a small collection)
            "ledger_pending", List.of(List.of("type", "createdAt")),
            // usage reports over buckets of one period, optionally of one user
            "usage_buckets", List.of(List.of("period", "startsAt"), List.of("period", "userId", "startsAt")),
            // reservation expiry, refills
            "accounts", List.of(List.of("reservations.expiresAt"), List.of("refill")),
            // grants becoming effective and expiring
            "grants", List.of(List.of("state", "effectiveAt"), List.of("state", "expiresAt")));

    private final MongoOperations mongo;

    MongoIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        INDEXES.forEach((collection, indexes) -> indexes.forEach(fields -> {
            Index index = new Index().named(String.join("_", fields));
            fields.forEach(field -> index.on(field, Direction.ASC));
            mongo.indexOps(collection).createIndex(index);
        }));
    }
}
