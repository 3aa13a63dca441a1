package dev.parley.accounting.price;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin-set price of one model (collection {@code model_prices}); it wins over the configured price table. The
 * public model catalog is meant to write this collection once it exists.
 */
@Document(PriceBook.OVERRIDES)
record PriceOverride(@Id String model, long input, long output, long cachedInput, Instant updatedAt) {

    ModelPrice price() {
        return new ModelPrice(input, output, cachedInput);
    }
}
