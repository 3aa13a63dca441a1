package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.parley.testing.TestInfrastructure;

/** Which price applies, and how catalog prices are stored and seen, against the test infrastructure's MongoDB. */
class PriceBookIT {

    static final ModelPrice CONFIGURED = new ModelPrice(2_000_000, 8_000_000, 500_000);
    static final ModelPrice CATALOG = new ModelPrice(150_000, 600_000, 75_000);
    static final Duration TTL = Duration.ofSeconds(30);

    static MongoClient client;

    MongoTemplate mongo;
    MutableClock clock;
    PriceBook prices;

    @BeforeAll
    static void startMongo() {
        client = MongoClients.create(TestInfrastructure.start().mongoUri());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "prices-" + System.nanoTime());
        clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        prices = priceBook();
    }

    @Test
    void theCatalogPriceWinsOverTheConfiguredTable() {
        assertThat(prices.priceOf("openai/gpt-4.1")).isEqualTo(CONFIGURED);

        prices.storeCatalogPrices(Map.of("openai/gpt-4.1", CATALOG));

        assertThat(prices.priceOf("openai/gpt-4.1")).isEqualTo(CATALOG);
    }

    @Test
    void aModelNobodyPricedCostsTheDefaultAndIsNotKnown() {
        assertThat(prices.knownPrice("nobody/priced-1.0")).isEmpty();
        assertThat(prices.priceOf("nobody/priced-1.0")).isEqualTo(ModelPrice.ONE_CREDIT_PER_TOKEN);
        assertThat(prices.knownPrice("openai/gpt-4.1")).contains(CONFIGURED);
    }

    @Test
    void theBulkUpsertIsIdempotentAndLeavesModelsNotNamedAlone() {
        var first = Map.of("a/model-1.5", CATALOG, "b.model", CONFIGURED);
        assertThat(prices.storeCatalogPrices(first)).isEqualTo(2);
        Instant writtenAt = stored("a/model-1.5").updatedAt();
        clock.advance(Duration.ofMinutes(1));

        assertThat(prices.storeCatalogPrices(first)).isZero();
        assertThat(prices.storeCatalogPrices(Map.of("b.model", CATALOG))).isEqualTo(1);

        assertThat(stored("a/model-1.5").updatedAt()).isEqualTo(writtenAt);
        assertThat(stored("a/model-1.5").source()).isEqualTo(PriceBook.CATALOG);
        assertThat(prices.overrides()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a/model-1.5", CATALOG, "b.model", CATALOG));
        assertThat(mongo.count(new Query(), PriceOverride.class))
                .isEqualTo(2);
    }

    @Test
    void aReservationPriceIsStoredOnlyWhenItDiffersFromThePriceInEffect() {
        assertThat(prices.adoptCatalogPrice("openai/gpt-4.1", CONFIGURED)).isFalse();
        assertThat(mongo.findById("openai/gpt-4.1", PriceOverride.class)).isNull();

        assertThat(prices.adoptCatalogPrice("openai/gpt-4.1", CATALOG)).isTrue();
        assertThat(prices.adoptCatalogPrice("openai/gpt-4.1", CATALOG)).isFalse();
        assertThat(prices.adoptCatalogPrice("new/model", ModelPrice.ONE_CREDIT_PER_TOKEN)).isTrue();

        assertThat(prices.priceOf("openai/gpt-4.1")).isEqualTo(CATALOG);
        assertThat(prices.knownPrice("new/model")).contains(ModelPrice.ONE_CREDIT_PER_TOKEN);
    }

    @Test
    void anotherInstanceSeesANewModelAtOnceAndAChangedPriceWithinTheCacheTtl() {
        PriceBook other = priceBook();
        prices.storeCatalogPrices(Map.of("m", CATALOG));
        assertThat(other.priceOf("m")).isEqualTo(CATALOG);
        assertThat(other.knownPrice("unpriced")).isEmpty();

        prices.storeCatalogPrices(Map.of("m", CONFIGURED, "unpriced", CATALOG));
        assertThat(prices.priceOf("m")).as("the writing instance, at once").isEqualTo(CONFIGURED);
        assertThat(other.priceOf("m")).as("another instance, still cached").isEqualTo(CATALOG);

        clock.advance(TTL);
        assertThat(other.priceOf("m")).isEqualTo(CONFIGURED);
        assertThat(other.knownPrice("unpriced")).contains(CATALOG);
    }

    @Test
    void anAdminOverrideIsStoredWithItsSourceAndTheCatalogTakesItOver() {
        prices.override("m", CONFIGURED);
        assertThat(stored("m").source()).isEqualTo(PriceBook.ADMIN);

        assertThat(prices.storeCatalogPrices(Map.of("m", CONFIGURED))).isEqualTo(1);

        assertThat(stored("m").source()).isEqualTo(PriceBook.CATALOG);
    }

    private PriceOverride stored(String model) {
        return mongo.findById(model, PriceOverride.class);
    }

    private PriceBook priceBook() {
        var properties = new PriceProperties(Map.of("openai/gpt-4.1", CONFIGURED), null, TTL);
        return new PriceBook(new StoredPrices(mongo, properties, clock), properties);
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
