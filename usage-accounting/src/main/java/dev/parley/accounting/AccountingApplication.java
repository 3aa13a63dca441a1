package dev.parley.accounting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import dev.parley.accounting.config.AccountingProperties;
import dev.parley.accounting.price.PriceProperties;

/**
 * Usage accounting: turns {@code UsageRecorded} events into account balances and a ledger, debiting every
 * provider call exactly once, and serves balances to api-ingress.
 */
@SpringBootApplication
// declared here rather than scanned, so that test slices get the properties too
@EnableConfigurationProperties({AccountingProperties.class, PriceProperties.class})
public class AccountingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountingApplication.class, args);
    }
}
