package dev.parley.accounting.price;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How accounting reads the catalog's prices ({@code catalog.prices}), beside the rest of {@code parley.accounting}
 * (config.AccountingProperties) under the same prefix. The prices themselves are the catalog's: none is configured
 * here.
 *
 * @param startupWait how long startup waits for the topic to be read to its end; usage and reservations that come
 *        before it is are retried (usage) or answered 503 (reservations), never priced from a partial table
 */
@Validated
@ConfigurationProperties("parley.accounting.prices")
public record PriceProperties(@DefaultValue("30s") @NotNull Duration startupWait) {
}
