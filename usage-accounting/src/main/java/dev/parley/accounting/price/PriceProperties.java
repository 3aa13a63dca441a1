package dev.parley.accounting.price;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The price settings, beside the rest of {@code parley.accounting} (config.AccountingProperties) under the same
 * prefix, so that prices own their configuration. Credits per 1,000,000 tokens.
 *
 * @param prices per-model prices for running without api-ingress's catalog (which writes {@code model_prices}, whose
 *        prices win); empty by default
 * @param defaultPrice price of a model that has neither a stored nor a configured price; with the catalog this should
 *        not happen, and usage priced with it is counted by {@code parley.accounting.unpriced.usage}
 * @param priceCacheTtl how long other instances' changes of {@code model_prices} may take to be seen
 */
@Validated
@ConfigurationProperties("parley.accounting")
public record PriceProperties(
        @DefaultValue Map<String, @Valid ModelPrice> prices,
        @Valid ModelPrice defaultPrice,
        @DefaultValue("30s") Duration priceCacheTtl) {

    public PriceProperties {
        defaultPrice = defaultPrice != null ? defaultPrice : ModelPrice.ONE_CREDIT_PER_TOKEN;
    }
}
