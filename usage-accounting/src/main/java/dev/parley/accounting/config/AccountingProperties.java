package dev.parley.accounting.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounting policy and the service token.
 *
 * @param startingBalance tokens a new account starts with; existing accounts keep the balance they started with
 * @param debitOwnKeyUsage whether calls made with the user's own provider key are debited (they are always recorded)
 * @param serviceToken shared secret api-ingress presents as a bearer token; startup fails when it is blank
 */
@Validated
@ConfigurationProperties("parley.accounting")
public record AccountingProperties(
        @DefaultValue("100000") @PositiveOrZero long startingBalance,
        @DefaultValue("false") boolean debitOwnKeyUsage,
        @NotBlank String serviceToken) {

    @Override
    public String toString() {
        // keeps the token out of logs and failure analyses that print the bound object
        return "AccountingProperties[startingBalance=" + startingBalance + ", debitOwnKeyUsage=" + debitOwnKeyUsage
                + ", serviceToken=***]";
    }
}
