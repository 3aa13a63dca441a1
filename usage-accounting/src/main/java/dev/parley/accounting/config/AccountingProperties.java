package dev.parley.accounting.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.parley.accounting.price.ModelPrice;

/**
 * Accounting policy, prices and the tokens that authenticate callers. Amounts are whole credits.
 *
 * @param startingBalance credits a new account starts with; existing accounts keep the balance they started with
 * @param debitOwnKeyUsage whether calls made with the user's own provider key are debited (they are always recorded)
 * @param serviceToken shared secret api-ingress presents as a bearer token; startup fails when it is blank
 * @param integrationToken bearer token of outside systems on {@code /internal/integrations/**}; blank disables them
 * @param prices per-model prices in credits per 1,000,000 tokens, for running without api-ingress's catalog (which
 *        writes {@code model_prices}, whose prices win); empty by default
 * @param defaultPrice price of a model that has neither a stored nor a configured price; with the catalog this should
 *        not happen, and usage priced with it is counted by {@code parley.accounting.unpriced.usage}
 * @param priceCacheTtl how long other instances' changes of {@code model_prices} may take to be seen
 * @param reservationTtl how long a reservation holds credits when its usage never arrives
 * @param maxActiveReservations bound of the reservations one account holds at once
 * @param lowBalanceThresholds balances whose downward crossing publishes {@code BalanceThresholdCrossed}
 */
@Validated
@ConfigurationProperties("parley.accounting")
public record AccountingProperties(
        @DefaultValue("100000") @PositiveOrZero long startingBalance,
        @DefaultValue("false") boolean debitOwnKeyUsage,
        @NotBlank String serviceToken,
        @DefaultValue("") String integrationToken,
        @DefaultValue Map<String, @Valid ModelPrice> prices,
        @Valid ModelPrice defaultPrice,
        @DefaultValue("30s") Duration priceCacheTtl,
        @DefaultValue("30m") Duration reservationTtl,
        @DefaultValue("1000") @Positive int maxActiveReservations,
        @DefaultValue List<Long> lowBalanceThresholds) {

    public AccountingProperties {
        defaultPrice = defaultPrice != null ? defaultPrice : ModelPrice.ONE_CREDIT_PER_TOKEN;
        lowBalanceThresholds = lowBalanceThresholds.stream().distinct().sorted().toList();
    }

    @Override
    public String toString() {
        // keeps the tokens out of logs and failure analyses that print the bound object
        return "AccountingProperties[startingBalance=" + startingBalance + ", debitOwnKeyUsage=" + debitOwnKeyUsage
                + ", serviceToken=***, integrationToken=***, prices=" + prices + ", defaultPrice=" + defaultPrice
                + ", reservationTtl=" + reservationTtl + ", lowBalanceThresholds=" + lowBalanceThresholds + "]";
    }
}
