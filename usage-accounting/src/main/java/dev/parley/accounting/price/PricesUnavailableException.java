package dev.parley.accounting.price;

import org.apache.kafka.common.errors.RetriableException;

/**
 * No price can be decided yet: the catalog's prices are not read to their end, or the model has no price and the
 * catalog has published no default. Retriable, so that a usage record waits for the price (platform's error handler
 * retries it without limit) instead of being priced wrongly or dead-lettered.
 */
public class PricesUnavailableException extends RetriableException {

    PricesUnavailableException(String message) {
        super(message);
    }
}
