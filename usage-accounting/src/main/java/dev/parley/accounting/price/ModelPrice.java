package dev.parley.accounting.price;

import dev.parley.contracts.accounting.Price;

/**
 * What a model costs, in credits per 1,000,000 tokens (with 1 credit = 1 micro-dollar, the dollar price per million
 * tokens times 1,000,000).
 *
 * @param input price of an input token that was not served from the provider's prompt cache
 * @param output price of an output token (reasoning tokens are output tokens)
 * @param cachedInput price of an input token served from the prompt cache
 */
public record ModelPrice(long input, long output, long cachedInput) {

    public ModelPrice {
        if (input < 0 || output < 0 || cachedInput < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    /** This price as the internal API carries it. */
    public Price toPrice() {
        return new Price(input, output, cachedInput);
    }
}
