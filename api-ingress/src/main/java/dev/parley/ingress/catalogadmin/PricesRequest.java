package dev.parley.ingress.catalogadmin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import dev.parley.ingress.catalog.ModelPrices;

/** Credits per 1,000,000 tokens; the bound keeps every cost computation far from overflowing. */
record PricesRequest(
        @NotNull @PositiveOrZero @Max(MAX) Long input,
        @NotNull @PositiveOrZero @Max(MAX) Long output,
        @NotNull @PositiveOrZero @Max(MAX) Long cachedInput) {

    static final long MAX = 1_000_000_000_000L;

    ModelPrices prices() {
        return new ModelPrices(input, output, cachedInput);
    }
}
