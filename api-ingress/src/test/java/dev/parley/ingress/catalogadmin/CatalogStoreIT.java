package dev.parley.ingress.catalogadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.parley.ingress.catalog.CatalogFixtures;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.CatalogProperties;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.PricePublisher;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.ingress.catalog.ProviderStore;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.testing.TestInfrastructure;

/** The catalog's storage against real MongoDB (mongo-java-server): seeding, changes, versions, reloading. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogStoreIT {

    final MongoClient client = MongoClients.create(TestInfrastructure.start().mongoUri());
    final MongoTemplate mongo = new MongoTemplate(client, "catalog-store-it");
    final ProviderStore store = CatalogFixtures.store(mongo);
    final CatalogProperties properties = properties();

    static CatalogProperties properties() {
        Map<String, CatalogProperties.Provider> providers = new LinkedHashMap<>();
        providers.put("mock", new CatalogProperties.Provider(true, null, List.of(new CatalogProperties.Model("mock-1",
                null, 8192, 1024, new ModelPrices(1_000_000, 1_000_000, 1_000_000), true, false)), null));
        providers.put("openai", new CatalogProperties.Provider(false, null, List.of(new CatalogProperties.Model(
                "gpt-4o-mini", null, 128000, 4096, new ModelPrices(150000, 0, 0), true, true)), null));
        return new CatalogProperties("mock-1", Duration.ofSeconds(10), providers);
    }

    @BeforeEach
    void empty() {
        mongo.dropCollection(ProviderDocument.class);
    }

    @AfterAll
    void close() {
        client.close();
    }

    ModelCatalog catalog() {
        return CatalogFixtures.loaded(store, properties);
    }

    CatalogAdmin admin(ModelCatalog catalog) {
        return new CatalogAdmin(store, catalog, CatalogFixtures.sealer(KeyRings.of(KeyRing.generate(1),
                KeyRing.generate(1))), OutboundAddressPolicy.strict(), mock(PricePublisher.class), Clock.systemUTC());
    }

    @Test
    void seedingInsertsConfiguredProvidersOnceAndNeverOverwritesAnAdminsChange() throws Exception {
        var seeder = new CatalogSeeder(store, properties, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // several instances starting at once
            CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(
                    seeder::seed, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        assertThat(store.all()).extracting(ProviderDocument::name).containsExactlyInAnyOrder("mock", "openai");
        ProviderDocument openai = store.find("openai").orElseThrow();
        assertThat(openai.builtIn()).isTrue();
        assertThat(openai.kind()).isEqualTo("openai");
        assertThat(openai.models().getFirst().contextWindow()).isEqualTo(128000);
        assertThat(openai.models().getFirst().prices()).isEqualTo(new ModelPrices(150000, 0, 0));

        admin(catalog()).setPrices("gpt-4o-mini", new ModelPrices(1, 2, 3));
        seeder.seed();

        assertThat(store.find("openai").orElseThrow().models().getFirst().prices()).isEqualTo(new ModelPrices(1, 2, 3));
        assertThat(store.find("openai").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void createReplaceAndDeleteRoundTripThroughMongo() {
        new CatalogSeeder(store, properties, Clock.systemUTC()).seed();
        ModelCatalog catalog = catalog();
        CatalogAdmin admin = admin(catalog);

        admin.create(new ProviderRequest("acme", "openai", null, "sk-acme-key-1234", true,
                List.of(new ModelRequest("acme/one", "One", 32000, 2000, new PricesRequest(5L, 6L, 7L), null, null)), null, null));
        ProviderDocument stored = store.find("acme").orElseThrow();
        assertThat(stored.apiKey().lastFour()).isEqualTo("1234");
        assertThat(stored.apiKey().ciphertext()).isNotEmpty();
        assertThat(mongo.getCollection("providers").find().into(new ArrayList<>()).toString())
                .doesNotContain("sk-acme-key");
        assertThat(catalog.find("acme/one", Set.of())).map(CatalogModel::displayName).hasValue("One");

        admin.putModel("acme", "acme/two", new ModelRequest(null, null, 64000, 4000, new PricesRequest(1L, 1L, 1L),
                true, null));
        assertThat(store.find("acme").orElseThrow().version()).isEqualTo(1);
        assertThat(catalog.find("acme/two", Set.of())).isPresent();

        admin.delete("acme");
        assertThat(store.find("acme")).isEmpty();
        assertThat(catalog.find("acme/one", Set.of())).isEmpty();
    }

    @Test
    void aWriteOnAStaleVersionLandsNowhere() {
        new CatalogSeeder(store, properties, Clock.systemUTC()).seed();
        ProviderDocument mock = store.find("mock").orElseThrow();

        assertThat(store.replace(mock.withModels(mock.models(), Instant.now()), 0)).isTrue();
        assertThat(store.replace(mock.withModels(List.of(), Instant.now()), 0)).isFalse();
        assertThat(store.delete("mock", 0)).isFalse();
        assertThat(store.find("mock").orElseThrow().models()).hasSize(1);
        assertThat(store.find("mock").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void concurrentModelChangesToOneProviderAreAllKept() throws Exception {
        new CatalogSeeder(store, properties, Clock.systemUTC()).seed();
        CatalogAdmin admin = admin(catalog());
        admin.create(new ProviderRequest("busy", "mock", null, null, true, List.of(), null, null));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CompletableFuture.allOf(IntStream.range(0, 6).mapToObj(i -> CompletableFuture.runAsync(
                    () -> admin.putModel("busy", "busy-" + i, new ModelRequest(null, null, 8192, 1024,
                            new PricesRequest(1L, 1L, 1L), true, null)), pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }

        ProviderDocument busy = store.find("busy").orElseThrow();
        assertThat(busy.models()).extracting(ProviderDocument.ModelEntry::id)
                .containsExactlyInAnyOrder("busy-0", "busy-1", "busy-2", "busy-3", "busy-4", "busy-5");
        assertThat(busy.version()).isEqualTo(6);
    }

    @Test
    void anotherInstancesWriteArrivesWithTheNextRefresh() {
        new CatalogSeeder(store, properties, Clock.systemUTC()).seed();
        ModelCatalog mine = catalog();
        ModelCatalog theirs = catalog();

        admin(theirs).putModel("mock", "mock-2", new ModelRequest(null, null, 8192, 1024,
                new PricesRequest(1L, 1L, 1L), true, null));

        assertThat(theirs.find("mock-2", Set.of())).isPresent();
        assertThat(mine.find("mock-2", Set.of())).isEmpty();
        mine.refresh();
        assertThat(mine.find("mock-2", Set.of())).isPresent();
    }
}
