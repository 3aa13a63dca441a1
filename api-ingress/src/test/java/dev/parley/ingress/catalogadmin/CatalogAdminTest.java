package dev.parley.ingress.catalogadmin;

import static dev.parley.ingress.catalog.CatalogFixtures.builtIns;
import static dev.parley.ingress.catalog.CatalogFixtures.configured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.catalog.CatalogFixtures;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.InMemoryProviderStore;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.PricePublisher;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.platform.outbound.OutboundAddressPolicy;

/** The admin's changes against an in-memory store: checks, read-only built-ins, versions, the whole catalog. */
class CatalogAdminTest {

    static final String STORAGE = KeyRing.generate(1);
    static final KeyRings RINGS = KeyRings.of(STORAGE, KeyRing.generate(1));
    static final PricesRequest PRICES = new PricesRequest(100L, 200L, 50L);

    final InMemoryProviderStore store = new InMemoryProviderStore(builtIns());
    final ModelCatalog catalog = CatalogFixtures.loaded(store, configured(), "mock-1");
    final PricePublisher prices = mock(PricePublisher.class);
    final CatalogAdmin admin = admin(OutboundAddressPolicy.strict());

    CatalogAdmin admin(OutboundAddressPolicy policy) {
        return new CatalogAdmin(store, catalog, CatalogFixtures.sealer(RINGS), policy, prices,
                Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static ModelRequest model(String id) {
        return new ModelRequest(id, "Model " + id, 32_000, 2_000, PRICES, null, null);
    }

    static ProviderRequest provider(String name, String kind, String baseUrl, String apiKey, ModelRequest... models) {
        return new ProviderRequest(name, kind, baseUrl, apiKey, null, List.of(models), null, null);
    }

    @Test
    void aCreatedProviderIsSealedListedUsableAndItsPricesAreSent() {
        ProviderResponse created = admin.create(provider("acme", "openai", null, "sk-acme-secret-WXYZ",
                model("acme/large")));

        assertThat(created.hasApiKey()).isTrue();
        assertThat(created.apiKeyLast4()).isEqualTo("WXYZ");
        assertThat(created.usable()).isTrue();
        assertThat(created.builtIn()).isFalse();
        assertThat(created.version()).isZero();
        ProviderDocument.StoredKey key = store.documents.get("acme").apiKey();
        String opened = new String(RINGS.storage().open(new KeyRing.Sealed(key.keyVersion(), key.iv(),
                key.ciphertext()), "catalog:acme"), StandardCharsets.UTF_8);
        assertThat(opened).isEqualTo("sk-acme-secret-WXYZ");
        assertThat(catalog.find("acme/large", Set.of())).map(CatalogModel::maxOutputTokens).hasValue(2_000);
        verify(prices).publishChanges();
    }

    @Test
    void internalBaseUrlsAreRefusedUnlessTheOperatorAllowedTheirNetwork() {
        for (String url : List.of("http://169.254.169.254/", "http://localhost:1234/v1", "http://10.0.0.5/v1")) {
            assertProblem(() -> admin.create(provider("local", "openai-compatible", url, null, model("l-1"))),
                    ProblemKind.OUTBOUND_ADDRESS_REFUSED);
        }
        assertThat(store.documents).doesNotContainKey("local");

        CatalogAdmin allowing = admin(new OutboundAddressPolicy(List.of("10.0.0.0/8")));
        assertThat(allowing.create(provider("local", "openai-compatible", "http://10.0.0.5/v1", null,
                model("l-1"))).usable()).isTrue();
    }

    @Test
    void fieldsThatDependOnTheKindAreValidationProblems() {
        ApiProblem problem = assertProblem(() -> admin.create(new ProviderRequest(null, "openai-compatible", null,
                null, null, List.of(model("x"), model("x"), new ModelRequest(null, null, 1000, 1000, PRICES, null, null)),
                null, null)), ProblemKind.VALIDATION);

        assertThat(problem.getBody().getProperties().get("errors").toString())
                .contains("field=name").contains("field=baseUrl").contains("field=models[1].id")
                .contains("field=models[2].id").contains("field=models[2].maxOutputTokens");
        assertProblem(() -> admin.create(provider("fake", "mock", "https://x.example", "sk-12345678")),
                ProblemKind.VALIDATION);
    }

    @Test
    void takenNamesAndModelIdsAreConflicts() {
        admin.create(provider("acme", "mock", null, null, model("acme-1")));

        assertProblem(() -> admin.create(provider("acme", "mock", null, null)), ProblemKind.CONFLICT);
        assertProblem(() -> admin.create(provider("other", "mock", null, null, model("mock-1"))),
                ProblemKind.CONFLICT);
        assertProblem(() -> admin.putModel("acme", "openai/gpt-4o-mini", model(null)), ProblemKind.CONFLICT);
        assertThat(store.documents.get("acme").models()).extracting(ProviderDocument.ModelEntry::id)
                .containsExactly("acme-1");
    }

    @Test
    void aBuiltInsKindAddressAndKeyAreReadOnlyButItsModelsAndSwitchAreNot() {
        assertProblem(() -> admin.replace("openai", provider(null, "openai-compatible", null, null)),
                ProblemKind.CATALOG_READ_ONLY);
        assertProblem(() -> admin.replace("openai", provider(null, "openai", "https://proxy.example/v1", null)),
                ProblemKind.CATALOG_READ_ONLY);
        assertProblem(() -> admin.replace("openai", provider(null, "openai", null, "sk-server-12345678")),
                ProblemKind.CATALOG_READ_ONLY);
        assertProblem(() -> admin.delete("openai"), ProblemKind.CATALOG_READ_ONLY);

        ProviderResponse replaced = admin.replace("openrouter", new ProviderRequest(null, "openai-compatible", null,
                null, false, List.of(model("openai/gpt-4o-mini")), null, null));

        assertThat(replaced.enabled()).isFalse();
        assertThat(replaced.usable()).isFalse();
        assertThat(replaced.models().getFirst().contextWindow()).isEqualTo(32_000);
        assertThat(replaced.version()).isEqualTo(1);
        assertThat(catalog.find("openai/gpt-4o-mini", Set.of("openrouter"))).isEmpty();
    }

    @Test
    void replacingKeepsRemovesOrReplacesTheKey() {
        admin.create(provider("acme", "openai", null, "sk-first-key-AAAA", model("a-1")));

        assertThat(admin.replace("acme", provider(null, "openai", null, null, model("a-1"))).apiKeyLast4())
                .isEqualTo("AAAA");
        assertThat(admin.replace("acme", provider(null, "openai", null, "sk-second-key-BBBB", model("a-1")))
                .apiKeyLast4()).isEqualTo("BBBB");
        ProviderResponse removed = admin.replace("acme", provider(null, "openai", null, "", model("a-1")));
        assertThat(removed.hasApiKey()).isFalse();
        assertThat(removed.usable()).isFalse();
        assertThat(catalog.find("a-1", Set.of())).isEmpty();
        assertThat(catalog.find("a-1", Set.of("acme"))).isPresent();
    }

    @Test
    void aStaleVersionIsAConflictAndAConcurrentChangeIsNotLost() {
        admin.create(provider("acme", "mock", null, null, model("a-1")));
        admin.putModel("acme", "a-2", model(null));

        assertProblem(() -> admin.replace("acme", new ProviderRequest(null, "mock", null, null, null, List.of(),
                0L, null)), ProblemKind.CONFLICT);

        // another writer adds a model between this change's read and its write: the change is redone on top
        store.beforeReplace = () -> store.documents.computeIfPresent("acme", (name, current) ->
                ProviderChanges.withModel(current, model("a-3").entry("a-3"), Instant.EPOCH));
        admin.putModel("acme", "a-4", model(null));

        assertThat(store.documents.get("acme").models()).extracting(ProviderDocument.ModelEntry::id)
                .containsExactly("a-1", "a-2", "a-3", "a-4");
    }

    @Test
    void modelsAreAddedReplacedAndRemovedByIdEvenWithSlashes() {
        admin.create(provider("router", "openai-compatible", "https://93.184.216.34/v1", null));

        admin.putModel("router", "meta/llama-3", model(null));
        ProviderResponse changed = admin.putModel("router", "meta/llama-3", new ModelRequest("meta/llama-3", null,
                64_000, 8_000, PRICES, false, null));

        assertThat(changed.models()).singleElement().satisfies(model -> {
            assertThat(model.maxOutputTokens()).isEqualTo(8_000);
            assertThat(model.enabled()).isFalse();
        });
        assertProblem(() -> admin.putModel("router", "other", model("meta/llama-3")), ProblemKind.VALIDATION);
        assertProblem(() -> admin.putModel("router", "bad//id", model(null)), ProblemKind.VALIDATION);
        assertThat(admin.deleteModel("router", "meta/llama-3").models()).isEmpty();
        assertProblem(() -> admin.deleteModel("router", "meta/llama-3"), ProblemKind.NOT_FOUND);
        assertProblem(() -> admin.putModel("nobody", "m", model(null)), ProblemKind.NOT_FOUND);
    }

    @Test
    void theDefaultModelMustStayUsable() {
        assertProblem(() -> admin.deleteModel("mock", "mock-1"), ProblemKind.CONFLICT);
        assertProblem(() -> admin.replace("mock", new ProviderRequest(null, "mock", null, null, false,
                List.of(model("mock-1")), null, null)), ProblemKind.CONFLICT);
        assertThat(catalog.resolve(null, null)).map(CatalogModel::id).hasValue("mock-1");
    }

    @Test
    void pricesChangeWhereverTheModelIsAndUnknownModelsAreNotFound() {
        ModelPrices prices = new ModelPrices(7, 8, 9);

        assertThat(admin.setPrices("openai/gpt-4o-mini", prices)).isEqualTo(prices);

        assertThat(store.documents.get("openrouter").models().getFirst().prices()).isEqualTo(prices);
        assertThat(CatalogFixtures.prices(catalog)).containsEntry("openai/gpt-4o-mini", prices);
        assertProblem(() -> admin.setPrices("gpt-99", prices), ProblemKind.NOT_FOUND);
        verify(this.prices, times(1)).publishChanges();
    }

    @Test
    void deletingAProviderRemovesItsModels() {
        admin.create(provider("acme", "mock", null, null, model("a-1")));

        admin.delete("acme");

        assertThat(catalog.find("a-1", Set.of("acme"))).isEmpty();
        assertProblem(() -> admin.delete("acme"), ProblemKind.NOT_FOUND);
        assertProblem(() -> admin.get("acme"), ProblemKind.NOT_FOUND);
        verify(this.prices, times(2)).publishChanges();
    }

    static ApiProblem assertProblem(Runnable call, ProblemKind kind) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            assertThat(problem.kind()).as(problem.getBody().getDetail()).isEqualTo(kind);
            return problem;
        }
        throw new AssertionError("expected a " + kind + " problem");
    }
}
