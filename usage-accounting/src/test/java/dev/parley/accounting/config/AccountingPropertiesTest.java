package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.parley.accounting.price.ModelPrice;

class AccountingPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void refusesToStartWithoutAServiceToken() {
        context.run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("parley.accounting.service-token= ")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void defaultsToTheDocumentedPolicy() {
        context.withPropertyValues("parley.accounting.service-token=t").run(started -> {
            AccountingProperties properties = started.getBean(AccountingProperties.class);
            assertThat(properties.startingBalance()).isEqualTo(100_000);
            assertThat(properties.debitOwnKeyUsage()).isFalse();
            assertThat(properties.toString()).doesNotContain("=t,", "=t]");
            assertThat(properties.reservationTtl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.defaultPrice()).isEqualTo(ModelPrice.ONE_CREDIT_PER_TOKEN);
            assertThat(properties.integrationToken()).isEmpty();
            assertThat(properties.lowBalanceThresholds()).isEmpty();
        });
    }

    @Test
    void rejectsANegativeStartingBalance() {
        context.withPropertyValues("parley.accounting.service-token=t", "parley.accounting.starting-balance=-1")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void bindsPricesAndThresholds() {
        context.withPropertyValues("parley.accounting.service-token=t",
                "parley.accounting.prices[openai/gpt-4.1].input=2000000",
                "parley.accounting.prices[openai/gpt-4.1].output=8000000",
                "parley.accounting.prices[openai/gpt-4.1].cached-input=500000",
                "parley.accounting.low-balance-thresholds=0,1000,0").run(started -> {
                    AccountingProperties properties = started.getBean(AccountingProperties.class);
                    assertThat(properties.prices()).containsEntry("openai/gpt-4.1",
                            new ModelPrice(2_000_000, 8_000_000, 500_000));
                    assertThat(properties.lowBalanceThresholds()).containsExactly(0L, 1_000L);
                });
    }

    @Test
    void rejectsANegativePrice() {
        context.withPropertyValues("parley.accounting.service-token=t", "parley.accounting.default-price.input=-1",
                "parley.accounting.default-price.output=1", "parley.accounting.default-price.cached-input=1")
                .run(started -> assertThat(started).hasFailed());
    }

    @EnableConfigurationProperties(AccountingProperties.class)
    static class Enabled {
    }
}
