package dev.parley.ingress.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provider documents for the catalog's unit tests. */
final class CatalogFixtures {

    static final ModelPrices PRICES = new ModelPrices(1_000_000, 2_000_000, 500_000);
    static final ProviderDocument.StoredKey KEY = new ProviderDocument.StoredKey(1, new byte[12], new byte[20], "WXYZ");

    private CatalogFixtures() {
    }

    static ProviderDocument.ModelEntry model(String id) {
        return new ProviderDocument.ModelEntry(id, null, 8192, 1024, PRICES, true, false);
    }

    static ProviderDocument.ModelEntry disabledModel(String id) {
        return new ProviderDocument.ModelEntry(id, null, 8192, 1024, PRICES, false, false);
    }

    static ProviderDocument builtIn(String name, String kind, ProviderDocument.ModelEntry... models) {
        return new ProviderDocument(name, kind, null, true, true, null, List.of(models), Instant.EPOCH,
                Instant.EPOCH, 0, null);
    }

    static ProviderDocument admin(String name, String kind, String baseUrl, ProviderDocument.StoredKey key,
            Instant createdAt, ProviderDocument.ModelEntry... models) {
        return new ProviderDocument(name, kind, baseUrl, true, false, key, List.of(models), createdAt, createdAt, 0, null);
    }

    static ProviderDocument disabled(ProviderDocument document) {
        return new ProviderDocument(document.name(), document.kind(), document.baseUrl(), false, document.builtIn(),
                document.apiKey(), document.models(), document.createdAt(), document.updatedAt(), document.version(), null);
    }

    /** mock and openrouter switched on by configuration, openai (no server key) off. */
    static Map<String, Boolean> configured() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("mock", true);
        flags.put("openai", false);
        flags.put("openrouter", true);
        return flags;
    }

    static List<ProviderDocument> builtIns() {
        return List.of(
                builtIn("openrouter", "openai-compatible", model("openai/gpt-4o-mini")),
                builtIn("openai", "openai", model("gpt-4o-mini")),
                builtIn("mock", "mock", model("mock-1"), model("mock-error")));
    }
}
