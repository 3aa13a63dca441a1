package dev.parley.ingress.catalog;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the catalog publishes its prices on {@code catalog.prices}, beside the rest of {@code parley.catalog}.
 *
 * @param defaultPrice the price of usage of a model the catalog has no price for (a model nobody priced, which the
 *        catalog itself never offers), credits per 1,000,000 tokens; published under the key {@code *}
 * @param publishTimeout the longest one price record may take to be acknowledged
 */
@Validated
@ConfigurationProperties("parley.catalog")
record PriceTopicProperties(@Valid ModelPrices defaultPrice, @DefaultValue("10s") @NotNull Duration publishTimeout) {

    static final ModelPrices ONE_CREDIT_PER_TOKEN = new ModelPrices(1_000_000, 1_000_000, 1_000_000);

    PriceTopicProperties {
        defaultPrice = defaultPrice != null ? defaultPrice : ONE_CREDIT_PER_TOKEN;
    }
}
