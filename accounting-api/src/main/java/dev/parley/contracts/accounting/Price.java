package dev.parley.contracts.accounting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A model's price in whole credits per 1,000,000 tokens (with 1 credit = 1 micro-dollar, the dollar price per million
 * tokens times 1,000,000).
 *
 * @param cachedInput price of an input token served from the provider's prompt cache
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Price(Long input, Long output, Long cachedInput) {
}
