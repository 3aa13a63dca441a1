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
    void defaultsToOneCreditPerTokenAndNoTable() {
        context.run(started -> {
            PriceProperties properties = started.getBean(PriceProperties.class);
            assertThat(properties.defaultPrice()).isEqualTo(ModelPrice.ONE_CREDIT_PER_TOKEN);
            assertThat(properties.prices()).isEmpty();
            assertThat(properties.priceCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void bindsPricesUnderTheAccountingPrefix() {
        context.withPropertyValues("parley.accounting.prices[openai/gpt-4.1].input=2000000",
                "parley.accounting.prices[openai/gpt-4.1].output=8000000",
                "parley.accounting.prices[openai/gpt-4.1].cached-input=500000").run(started -> assertThat(
                        started.getBean(PriceProperties.class).prices())
                        .containsEntry("openai/gpt-4.1", new ModelPrice(2_000_000, 8_000_000, 500_000)));
    }

    @Test
    void rejectsANegativePrice() {
        context.withPropertyValues("parley.accounting.default-price.input=-1",
                "parley.accounting.default-price.output=1", "parley.accounting.default-price.cached-input=1")
                .run(started -> assertThat(started).hasFailed());
    }

    @EnableConfigurationProperties(PriceProperties.class)
    static class Enabled {
    }
}
