package dev.parley.contracts.accounting;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The prices accounting holds, as it read them from the catalog's {@code catalog.prices} topic, in credits per
 * 1,000,000 tokens.
 *
 * @param defaultPrice the catalog's price of a model it has no price for; null until it published one
 * @param loaded whether the topic has been read to its end since startup
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceTable(Map<String, Price> prices, Price defaultPrice, boolean loaded) {
}
