package dev.parley.accounting.price;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The price of each model: the stored price from {@code model_prices} (written by the public catalog of
 * api-ingress, or by an admin) when there is one, else the configured table {@code parley.accounting.prices}
 * (for operators who run accounting without the catalog), else the configured default. With the catalog every
 * model in use has a stored price; the default is a safety net, counted by {@code parley.accounting.unpriced.usage}.
 * The amount decided for a usage record is stored in its ledger entry, so a later price change never alters an
 * applied debit.
 */
@Component
public class PriceBook {

    static final String OVERRIDES = "model_prices";
    /** Source of prices pushed by the catalog or carried by a reservation. */
    public static final String CATALOG = "catalog";
    /** Source of prices set through {@code PUT /internal/admin/prices}. */
    static final String ADMIN = "admin";

    private final StoredPrices stored;
    private final PriceProperties properties;

    PriceBook(StoredPrices stored, PriceProperties properties) {
        this.stored = stored;
        this.properties = properties;
    }

    public ModelPrice priceOf(String model) {
        return knownPrice(model).orElseGet(properties::defaultPrice);
    }

    /** The model's stored or configured price; empty when only the default applies. */
    public Optional<ModelPrice> knownPrice(String model) {
        return stored.find(model).or(() -> Optional.ofNullable(properties.prices().get(model)));
    }

    public ModelPrice defaultPrice() {
        return properties.defaultPrice();
    }

    /** The stored prices, which win over the configured table. */
    public Map<String, ModelPrice> overrides() {
        return stored.all();
    }

    ModelPrice override(String model, ModelPrice price) {
        stored.upsert(Map.of(model, price), ADMIN);
        return price;
    }

    /** Upserts the catalog's prices of the named models; idempotent, and models not named are left alone. */
    public int storeCatalogPrices(Map<String, ModelPrice> prices) {
        return stored.upsert(prices, CATALOG);
    }

    /**
     * Stores the catalog's price of one model when it is not the price in effect, so that usage of a request
     * admitted at this price is debited at it even before the catalog's bulk push arrives.
     *
     * @return whether it was stored
     */
    public boolean adoptCatalogPrice(String model, ModelPrice price) {
        if (knownPrice(model).filter(price::equals).isPresent()) {
            return false;
        }
        return storeCatalogPrices(Map.of(model, price)) > 0;
    }
}
