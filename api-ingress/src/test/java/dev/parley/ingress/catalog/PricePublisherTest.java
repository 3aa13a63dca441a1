package dev.parley.ingress.catalog;

import static dev.parley.ingress.catalog.CatalogFixtures.builtIns;
import static dev.parley.ingress.catalog.CatalogFixtures.configured;
import static dev.parley.ingress.catalog.CatalogFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;

/** What the catalog publishes on catalog.prices, and when: changes only, tombstones, retries after a failure. */
class PricePublisherTest {

    static final ModelPrices DEFAULT = new ModelPrices(5, 6, 7);

    final ProviderStore store = mock(ProviderStore.class);
    final ModelCatalog catalog = new ModelCatalog(store, configured(), "mock-1");
    @SuppressWarnings("unchecked")
    final KafkaTemplate<Object, Object> kafka = mock(KafkaTemplate.class);
    final Map<String, ModelPriced> sent = new LinkedHashMap<>();
    boolean brokerDown;
    final PricePublisher publisher = new PricePublisher(catalog, kafka,
            new PriceTopicProperties(DEFAULT, Duration.ofSeconds(1)));

    PricePublisherTest() {
        given(store.all()).willReturn(builtIns());
        catalog.refresh();
        given(kafka.send(eq(Topics.CATALOG_PRICES), anyString(), any())).willAnswer(call -> {
            if (brokerDown) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down"));
            }
            sent.put(call.getArgument(1), call.getArgument(2));
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void firstEverythingThenOnlyChanges() {
        publisher.publishChanges();

        assertThat(sent).containsKeys(Topics.DEFAULT_PRICE_KEY, "mock-1", "openai/gpt-4o-mini");
        assertThat(sent.get(Topics.DEFAULT_PRICE_KEY).getProvider()).isNull();
        assertThat(sent.get(Topics.DEFAULT_PRICE_KEY).getOutput()).isEqualTo(6);
        ModelPriced mock = sent.get("mock-1");
        assertThat(mock.getProvider()).isEqualTo("mock");
        assertThat(List.of(mock.getInput(), mock.getOutput(), mock.getCachedInput()))
                .containsExactly(CatalogFixtures.PRICES.input(), CatalogFixtures.PRICES.output(),
                        CatalogFixtures.PRICES.cachedInput());
        sent.clear();

        publisher.publishChanges();

        assertThat(sent).isEmpty();
    }

    @Test
    void aModelThatLeftTheCatalogGetsATombstone() {
        List<ProviderDocument> documents = new ArrayList<>(builtIns());
        documents.add(CatalogFixtures.admin("acme", "mock", null, null, Instant.EPOCH, model("acme-1")));
        given(store.all()).willReturn(documents);
        catalog.refresh();
        publisher.publishChanges();
        assertThat(sent).containsKey("acme-1");
        sent.clear();

        given(store.all()).willReturn(builtIns());
        catalog.refresh();
        publisher.publishChanges();

        assertThat(sent).containsOnlyKeys("acme-1");
        assertThat(sent.get("acme-1")).isNull();
    }

    @Test
    void whatFailedIsPublishedAtTheNextCall() {
        brokerDown = true;
        publisher.publishChanges();
        assertThat(sent).isEmpty();

        brokerDown = false;
        publisher.publishChanges();

        assertThat(sent).containsKeys(Topics.DEFAULT_PRICE_KEY, "mock-1");
    }
}
