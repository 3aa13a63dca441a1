package dev.parley.ingress.catalog;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * A model's price in whole credits per 1,000,000 tokens; integers, so that costs are exact.
 *
 * @param cachedInput input tokens the provider served from its prompt cache
 */
public record ModelPrices(@PositiveOrZero long input, @PositiveOrZero long output, @PositiveOrZero long cachedInput) {
}
