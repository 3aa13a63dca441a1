package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PricePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void startupWaitsThirtySecondsForThePricesByDefault() {
        context.run(started -> assertThat(started.getBean(PriceProperties.class).startupWait())
                .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void bindsUnderTheAccountingPricesPrefix() {
        context.withPropertyValues("parley.accounting.prices.startup-wait=5s").run(started -> assertThat(
                started.getBean(PriceProperties.class).startupWait()).isEqualTo(Duration.ofSeconds(5)));
    }

    @EnableConfigurationProperties(PriceProperties.class)
    static class Enabled {
    }
}
