package dev.parley.accounting.price;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import dev.parley.accounting.config.AccountingProperties;

/**
 * The price of each model: an admin override from {@code model_prices} when there is one, else the configured
 * table, else the configured default. Overrides are read through a small cache refreshed at most every
 * {@code price-cache-ttl}, so a price change reaches every instance within that time; the amount decided for a
 * usage record is stored in its ledger entry, so a later price change never alters an applied debit.
 */
@Component
public class PriceBook {

    static final String OVERRIDES = "model_prices";

    private final MongoOperations mongo;
    private final AccountingProperties properties;
    private final Clock clock;
    private volatile Snapshot overrides = new Snapshot(Map.of(), Instant.MIN);

    PriceBook(MongoOperations mongo, AccountingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public ModelPrice priceOf(String model) {
        ModelPrice override = currentOverrides().get(model);
        if (override != null) {
            return override;
        }
        return properties.prices().getOrDefault(model, properties.defaultPrice());
    }

    public Map<String, ModelPrice> overrides() {
        return currentOverrides();
    }

    public ModelPrice override(String model, ModelPrice price) {
        mongo.save(new PriceOverride(model, price.input(), price.output(), price.cachedInput(), clock.instant()));
        overrides = new Snapshot(Map.of(), Instant.MIN);
        return price;
    }

    private Map<String, ModelPrice> currentOverrides() {
        Snapshot snapshot = overrides;
        Instant now = clock.instant();
        if (snapshot.loadedAt().plus(properties.priceCacheTtl()).isAfter(now)) {
            return snapshot.prices();
        }
        Map<String, ModelPrice> loaded = mongo.findAll(PriceOverride.class).stream()
                .collect(Collectors.toUnmodifiableMap(PriceOverride::model, PriceOverride::price));
        overrides = new Snapshot(loaded, now);
        return loaded;
    }

    private record Snapshot(Map<String, ModelPrice> prices, Instant loadedAt) {
    }
}
