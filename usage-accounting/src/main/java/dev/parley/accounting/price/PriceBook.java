package dev.parley.accounting.price;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;

/**
 * The price of each model as api-ingress's catalog, the one owner of prices, publishes it on {@code catalog.prices}
 * ({@link CatalogPriceFeed} reads it into this table, from the beginning at startup). A model the catalog has no price
 * for costs the catalog's default price (counted by {@code parley.accounting.unpriced.usage}). No price is decided
 * before the topic has been read to its end: until then {@link #priceFor} throws the retriable
 * {@link PricesUnavailableException}. The amount decided for a usage record is stored in its ledger entry, so a later
 * price change never alters an applied debit.
 */
@Component
public class PriceBook {

    private final Map<String, ModelPrice> current = new ConcurrentHashMap<>();
    /** Prices of models that left the catalog, for the usage of requests admitted before they left. */
    private final Map<String, ModelPrice> retired = new ConcurrentHashMap<>();
    private volatile ModelPrice defaultPrice;
    private volatile boolean loaded;

    /**
     * @throws PricesUnavailableException before the topic has been read to its end, or when neither the model nor the
     *         default has a price
     */
    public Priced priceFor(String model) {
        if (!loaded) {
            throw new PricesUnavailableException("the catalog's prices are not loaded yet");
        }
        ModelPrice own = current.get(model);
        if (own == null) {
            own = retired.get(model);
        }
        if (own != null) {
            return new Priced(own, false);
        }
        ModelPrice fallback = defaultPrice;
        if (fallback == null) {
            throw new PricesUnavailableException("model '" + model + "' has no price and the catalog published no "
                    + "default price");
        }
        return new Priced(fallback, true);
    }

    /** The models' prices in effect, by model id. */
    public Map<String, ModelPrice> prices() {
        return new TreeMap<>(current);
    }

    public Optional<ModelPrice> defaultPrice() {
        return Optional.ofNullable(defaultPrice);
    }

    public boolean loaded() {
        return loaded;
    }

    /** One record of {@code catalog.prices}: a price, or a tombstone ({@code value} null). */
    void apply(String key, ModelPriced value) {
        if (Topics.DEFAULT_PRICE_KEY.equals(key)) {
            defaultPrice = value == null ? null : price(value);
            return;
        }
        if (value == null) {
            ModelPrice last = current.remove(key);
            if (last != null) {
                retired.put(key, last);
            }
            return;
        }
        current.put(key, price(value));
        retired.remove(key);
    }

    void markLoaded() {
        loaded = true;
    }

    private static ModelPrice price(ModelPriced value) {
        return new ModelPrice(value.getInput(), value.getOutput(), value.getCachedInput());
    }

    /** @param defaulted the model has no price of its own: this is the catalog's default */
    public record Priced(ModelPrice price, boolean defaulted) {
    }
}
