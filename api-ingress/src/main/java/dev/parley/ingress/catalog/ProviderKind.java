package dev.parley.ingress.catalog;

import java.util.Arrays;
import java.util.Locale;

/** What API a provider speaks; the worker picks its client by this. */
enum ProviderKind {

    OPENAI("openai", "https://api.openai.com/v1", true),
    ANTHROPIC("anthropic", "https://api.anthropic.com", true),
    /** Any server that speaks OpenAI's chat completions; local ones (Ollama, vLLM) often need no key. */
    OPENAI_COMPATIBLE("openai-compatible", null, false),
    MOCK("mock", null, false);

    static final String PATTERN = "openai|anthropic|openai-compatible|mock";
    static final String CHOICES = "must be openai, anthropic, openai-compatible or mock";

    private final String value;
    private final String officialBaseUrl;
    private final boolean needsKey;

    ProviderKind(String value, String officialBaseUrl, boolean needsKey) {
        this.value = value;
        this.officialBaseUrl = officialBaseUrl;
        this.needsKey = needsKey;
    }

    static ProviderKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown provider kind '" + value + "'"));
    }

    /** The kind of a configured provider that does not name one: by its name, else OpenAI-compatible. */
    static ProviderKind forBuiltIn(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mock" -> MOCK;
            case "openai" -> OPENAI;
            case "anthropic" -> ANTHROPIC;
            default -> OPENAI_COMPATIBLE;
        };
    }

    String value() {
        return value;
    }

    /** The official API root when the provider names none; null for kinds that have none. */
    String baseUrl(String configured) {
        return configured != null ? configured : officialBaseUrl;
    }

    /** Only the mock takes no key at all. */
    boolean takesKey() {
        return this != MOCK;
    }

    /** Whether the server can run it only with a key (local OpenAI-compatible servers run without). */
    boolean needsKey() {
        return needsKey;
    }

    /** Whether a base URL is required (no official root) or forbidden (the mock calls nothing). */
    boolean requiresBaseUrl() {
        return this == OPENAI_COMPATIBLE;
    }

    boolean allowsBaseUrl() {
        return this != MOCK;
    }
}
