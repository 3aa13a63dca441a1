package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.price.PriceBook.Priced;

/**
 * The price table follows catalog.prices on the real broker and registry, and a starting instance reads it from the
 * beginning before it prices anything: a price published before the start is known at once.
 */
class CatalogPriceFeedIT extends IntegrationTest {

    static final ModelPrice FIRST = new ModelPrice(300_000, 900_000, 30_000);
    static final ModelPrice SECOND = new ModelPrice(400_000, 1_200_000, 40_000);

    @Autowired
    PriceBook prices;
    @Autowired
    KafkaProperties kafka;

    @Test
    void aRunningInstanceFollowsChangesAndRemovals() {
        String model = "feed-" + UUID.randomUUID();

        PriceTopic.publishAndAwait(INFRA, prices, model, FIRST);
        PriceTopic.publishAndAwait(INFRA, prices, model, SECOND);
        PriceTopic.publish(INFRA, model, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.prices().containsKey(model));
        assertThat(prices.priceFor(model)).as("usage still in flight keeps the last price")
                .isEqualTo(new Priced(SECOND, false));
    }

    @Test
    void aRecordWithANegativePriceIsSkippedAndTheFeedGoesOn() {
        String model = "negative-" + UUID.randomUUID();

        PriceTopic.publishRecord(INFRA, model, PriceTopic.priced(model, -1, 900_000, 30_000));
        // the same key, so the same partition, after the bad record: the feed must get past it
        PriceTopic.publishAndAwait(INFRA, prices, model, FIRST);

        assertThat(prices.priceFor(model)).isEqualTo(new Priced(FIRST, false));
    }

    @Test
    void aStartingInstanceReadsEveryPriceBeforeItPricesAnything() {
        String model = "restart-" + UUID.randomUUID();
        PriceTopic.publishAndAwait(INFRA, prices, model, FIRST);

        PriceBook restarted = new PriceBook();
        var feed = new CatalogPriceFeed(restarted, kafka, new PriceProperties(Duration.ofSeconds(60)),
                new SimpleMeterRegistry());
        feed.start();
        try {
            assertThat(restarted.loaded()).as("start() returns once the topic is read to its end").isTrue();
            assertThat(restarted.priceFor(model)).isEqualTo(new Priced(FIRST, false));
            assertThat(restarted.priceFor("never-priced-" + UUID.randomUUID()))
                    .isEqualTo(new Priced(PriceTopic.ONE_CREDIT_PER_TOKEN, true));
        } finally {
            feed.stop();
        }
    }
}
