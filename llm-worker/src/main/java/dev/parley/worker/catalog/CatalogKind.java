package dev.parley.worker.catalog;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.parley.worker.config.ProviderKind;

/** The kinds a catalog provider may have ({@code ChatRequested.endpoint.kind}), and what each implies. */
enum CatalogKind {

    MOCK("mock", ProviderKind.MOCK, null, false),
    OPENAI("openai", ProviderKind.OPENAI_COMPATIBLE, URI.create("https://api.openai.com/v1"), true),
    ANTHROPIC("anthropic", ProviderKind.ANTHROPIC, URI.create("https://api.anthropic.com"), true),
    // a server of one's own (vLLM, Ollama, a gateway) may take no key
    OPENAI_COMPATIBLE("openai-compatible", ProviderKind.OPENAI_COMPATIBLE, null, false);

    private final String wireName;
    private final ProviderKind implementation;
    private final URI defaultUrl;
    private final boolean requiresKey;

    CatalogKind(String wireName, ProviderKind implementation, URI defaultUrl, boolean requiresKey) {
        this.wireName = wireName;
        this.implementation = implementation;
        this.defaultUrl = defaultUrl;
        this.requiresKey = requiresKey;
    }

    static Optional<CatalogKind> of(String wireName) {
        String normalized = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(normalized)).findFirst();
    }

    ProviderKind implementation() {
        return implementation;
    }

    /** Where the kind's own API is; null when a base URL is required. */
    URI defaultUrl() {
        return defaultUrl;
    }

    /** Whether a call without a key is pointless (refused before it goes out). */
    boolean requiresKey() {
        return requiresKey;
    }
}
