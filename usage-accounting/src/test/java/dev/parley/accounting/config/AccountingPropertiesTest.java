package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
    void bindsThresholdsSortedWithoutDuplicates() {
        context.withPropertyValues("parley.accounting.service-token=t",
                "parley.accounting.low-balance-thresholds=0,1000,0").run(started -> assertThat(
                        started.getBean(AccountingProperties.class).lowBalanceThresholds()).containsExactly(0L, 1_000L));
    }

    @EnableConfigurationProperties(AccountingProperties.class)
    static class Enabled {
    }
}
