package dev.parley.accounting.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounting policy and the tokens that authenticate callers. Amounts are whole credits. The price settings
 * ({@code parley.accounting.prices}) are price.PriceProperties.
 *
 * @param startingBalance credits a new account starts with; existing accounts keep the balance they started with
 * @param debitOwnKeyUsage whether calls made with the user's own provider key are debited (they are always recorded)
 * @param serviceToken shared secret api-ingress presents as a bearer token; startup fails when it is blank
 * @param integrationToken bearer token of outside systems on {@code /internal/integrations/**}; blank disables them
 * @param reservationTtl how long a reservation holds credits when its usage never arrives
 * @param maxActiveReservations bound of the reservations one account holds at once
 * @param lowBalanceThresholds balances whose downward crossing publishes {@code BalanceThresholdCrossed}
 * @param accountWritesAtOnce bound of the account writes the usage consumers of this instance make at once (the
 *        accounts of one batch are written in parallel)
 */
@Validated
@ConfigurationProperties("parley.accounting")
public record AccountingProperties(
        @DefaultValue("100000") @PositiveOrZero long startingBalance,
        @DefaultValue("false") boolean debitOwnKeyUsage,
        @NotBlank String serviceToken,
        @DefaultValue("") String integrationToken,
        @DefaultValue("30m") Duration reservationTtl,
        @DefaultValue("1000") @Positive int maxActiveReservations,
        @DefaultValue List<Long> lowBalanceThresholds,
        @DefaultValue("16") @Positive int accountWritesAtOnce) {

    public AccountingProperties {
        lowBalanceThresholds = lowBalanceThresholds.stream().distinct().sorted().toList();
    }

    @Override
    public String toString() {
        // keeps the tokens out of logs and failure analyses that print the bound object
        return "AccountingProperties[startingBalance=" + startingBalance + ", debitOwnKeyUsage=" + debitOwnKeyUsage
                + ", serviceToken=***, integrationToken=***, reservationTtl=" + reservationTtl + ", lowBalanceThresholds="
                + lowBalanceThresholds + ", accountWritesAtOnce=" + accountWritesAtOnce + "]";
    }
}
