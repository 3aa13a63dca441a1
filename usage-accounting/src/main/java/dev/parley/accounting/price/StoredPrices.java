package dev.parley.accounting.price;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code model_prices} collection behind a cache that is reloaded at most every {@code price-cache-ttl}, so a
 * change written by another instance is seen within that time. A model missing from the cache is looked up once
 * before it counts as unpriced, so a model the catalog added a moment ago is priced at once on every instance. A
 * write through this instance drops the cache: the instance that received a change uses it at once.
 */
@Repository
class StoredPrices {

    private final MongoOperations mongo;
    private final PriceProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    StoredPrices(MongoOperations mongo, PriceProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<ModelPrice> find(String model) {
        Snapshot current = current();
        ModelPrice cached = current.prices().get(model);
        if (cached != null || current.absent().contains(model)) {
            return Optional.ofNullable(cached);
        }
        Optional<ModelPrice> stored = Optional.ofNullable(mongo.findById(model, PriceOverride.class))
                .map(PriceOverride::price);
        // a lost race between two misses only costs another lookup
        snapshot = current.with(model, stored.orElse(null));
        return stored;
    }

    Map<String, ModelPrice> all() {
        return current().prices();
    }

    /**
     * Upserts each named model whose stored price or source differs; models not named are left alone.
     *
     * @return how many models were written
     */
    int upsert(Map<String, ModelPrice> prices, String source) {
        Map<String, PriceOverride> stored = mongo.find(query(where("_id").in(prices.keySet())), PriceOverride.class)
                .stream().collect(Collectors.toMap(PriceOverride::model, Function.identity()));
        var changed = prices.entrySet().stream()
                .filter(price -> stored.get(price.getKey()) == null
                        || !stored.get(price.getKey()).sameAs(price.getValue(), source))
                .toList();
        if (!changed.isEmpty()) {
            Instant now = clock.instant();
            var bulk = mongo.bulkOps(BulkMode.UNORDERED, PriceOverride.class);
            changed.forEach(price -> bulk.upsert(query(where("_id").is(price.getKey())), new Update()
                    .set("input", price.getValue().input()).set("output", price.getValue().output())
                    .set("cachedInput", price.getValue().cachedInput()).set("source", source)
                    .set("updatedAt", now)));
            bulk.execute();
        }
        snapshot = Snapshot.EMPTY;
        return changed.size();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.loadedAt().plus(properties.priceCacheTtl()).isAfter(now)) {
            return current;
        }
        Map<String, ModelPrice> loaded = mongo.findAll(PriceOverride.class).stream()
                .collect(Collectors.toUnmodifiableMap(PriceOverride::model, PriceOverride::price));
        Snapshot fresh = new Snapshot(loaded, Set.of(), now);
        snapshot = fresh;
        return fresh;
    }

    /** @param absent models looked up since the load and not found */
    private record Snapshot(Map<String, ModelPrice> prices, Set<String> absent, Instant loadedAt) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Set.of(), Instant.MIN);

        Snapshot with(String model, ModelPrice found) {
            if (found != null) {
                var prices = new HashMap<>(this.prices);
                prices.put(model, found);
                return new Snapshot(Map.copyOf(prices), absent, loadedAt);
            }
            var absent = new HashSet<>(this.absent);
            absent.add(model);
            return new Snapshot(prices, Set.copyOf(absent), loadedAt);
        }
    }
}
