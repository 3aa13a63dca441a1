package dev.parley.accounting.price;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A model's price as api-ingress's catalog sends it: whole credits per 1,000,000 tokens, every field required.
 */
public record CatalogPrice(@NotNull @PositiveOrZero Long input, @NotNull @PositiveOrZero Long output,
        @NotNull @PositiveOrZero Long cachedInput) {

    public ModelPrice toModelPrice() {
        return new ModelPrice(input, output, cachedInput);
    }
}
