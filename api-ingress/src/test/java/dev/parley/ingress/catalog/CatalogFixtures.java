package dev.parley.ingress.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.parley.ingress.keyring.KeyRings;

/**
 * Provider documents for the catalog's unit tests, and the catalog's parts for the tests of its admin side
 * ({@code catalogadmin}), whose constructors are not public.
 */
public final class CatalogFixtures {

    public static final ModelPrices PRICES = new ModelPrices(1_000_000, 2_000_000, 500_000);
    public static final ProviderDocument.StoredKey KEY = new ProviderDocument.StoredKey(1, new byte[12], new byte[20],
            "WXYZ");

    private CatalogFixtures() {
    }

    public static ProviderDocument.ModelEntry model(String id) {
        return new ProviderDocument.ModelEntry(id, null, 8192, 1024, PRICES, true, false);
    }

    public static ProviderDocument.ModelEntry disabledModel(String id) {
        return new ProviderDocument.ModelEntry(id, null, 8192, 1024, PRICES, false, false);
    }

    public static ProviderDocument builtIn(String name, String kind, ProviderDocument.ModelEntry... models) {
        return new ProviderDocument(name, kind, null, true, true, null, List.of(models), Instant.EPOCH,
                Instant.EPOCH, 0, null);
    }

    public static ProviderDocument admin(String name, String kind, String baseUrl, ProviderDocument.StoredKey key,
            Instant createdAt, ProviderDocument.ModelEntry... models) {
        return new ProviderDocument(name, kind, baseUrl, true, false, key, List.of(models), createdAt, createdAt, 0, null);
    }

    public static ProviderDocument disabled(ProviderDocument document) {
        return new ProviderDocument(document.name(), document.kind(), document.baseUrl(), false, document.builtIn(),
                document.apiKey(), document.models(), document.createdAt(), document.updatedAt(), document.version(), null);
    }

    /** mock and openrouter switched on by configuration, openai (no server key) off. */
    public static Map<String, Boolean> configured() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("mock", true);
        flags.put("openai", false);
        flags.put("openrouter", true);
        return flags;
    }

    public static List<ProviderDocument> builtIns() {
        return List.of(
                builtIn("openrouter", "openai-compatible", model("openai/gpt-4o-mini")),
                builtIn("openai", "openai", model("gpt-4o-mini")),
                builtIn("mock", "mock", model("mock-1"), model("mock-error")));
    }

    /** A catalog over the store, loaded once. */
    public static ModelCatalog loaded(ProviderStore store, Map<String, Boolean> configured, String defaultModel) {
        var catalog = new ModelCatalog(store, configured, defaultModel);
        catalog.refresh();
        return catalog;
    }

    public static ModelCatalog loaded(ProviderStore store, CatalogProperties properties) {
        return loaded(store, properties.enabledFlags(), properties.defaultModel());
    }

    public static Map<String, ModelPrices> prices(ModelCatalog catalog) {
        Map<String, ModelPrices> prices = new LinkedHashMap<>();
        catalog.pricedModels().forEach((model, priced) -> prices.put(model, priced.prices()));
        return prices;
    }

    public static CatalogKeySealer sealer(KeyRings rings) {
        return new CatalogKeySealer(rings);
    }

    public static ProviderStore store(MongoTemplate mongo) {
        return new ProviderStore(mongo);
    }
}
