package dev.parley.accounting.price;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored price of one model (collection {@code model_prices}); it wins over the configured price table. The
 * public model catalog of api-ingress writes it, and so do admins through the older price endpoint.
 *
 * @param source who wrote it: {@link PriceBook#CATALOG} or {@link PriceBook#ADMIN}; null for entries written
 *        before the source was recorded
 */
@Document(PriceBook.OVERRIDES)
record PriceOverride(@Id String model, long input, long output, long cachedInput, String source,
        Instant updatedAt) {

    ModelPrice price() {
        return new ModelPrice(input, output, cachedInput);
    }

    boolean sameAs(ModelPrice price, String source) {
        return price().equals(price) && source.equals(this.source);
    }
}
