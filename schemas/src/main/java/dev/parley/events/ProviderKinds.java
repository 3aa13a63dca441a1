package dev.parley.events;

import java.util.Locale;

/**
 * The wire names of {@link ProviderKind} (how the catalog, the services' configuration and the old string field
 * {@code ProviderEndpoint.kind} spell a kind), and the one way to read an endpoint's kind from records of any age.
 */
public final class ProviderKinds {

    private ProviderKinds() {
    }

    /** {@code openai}, {@code anthropic}, {@code openai-compatible}, {@code mock}; {@code unknown} for UNKNOWN. */
    public static String wireName(ProviderKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a wire name (case and surrounding blanks ignored); UNKNOWN for null and names of no kind. */
    public static ProviderKind parse(String wireName) {
        String normalized = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind != ProviderKind.UNKNOWN && wireName(kind).equals(normalized)) {
                return kind;
            }
        }
        return ProviderKind.UNKNOWN;
    }

    /** The API root of a kind that has an official one (OpenAI's, Anthropic's); null for the others. */
    public static String officialBaseUrl(ProviderKind kind) {
        return switch (kind) {
            case OPENAI -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com";
            default -> null;
        };
    }

    /**
     * Whether a provider of this kind can run only with a key: the hosted APIs; an OpenAI-compatible server of one's
     * own (vLLM, Ollama) often needs none, and the mock calls nothing.
     */
    public static boolean needsKey(ProviderKind kind) {
        return kind == ProviderKind.OPENAI || kind == ProviderKind.ANTHROPIC;
    }

    /** The endpoint's kind: its enum when the producer wrote one, else its string (records from older producers). */
    public static ProviderKind of(ProviderEndpoint endpoint) {
        return endpoint.getProviderKind() != null ? endpoint.getProviderKind() : parse(endpoint.getKind());
    }

    /** An endpoint with both fields written: the enum for new readers, the string for readers that predate it. */
    public static ProviderEndpoint endpoint(ProviderKind kind, String baseUrl) {
        return ProviderEndpoint.newBuilder().setKind(wireName(kind)).setProviderKind(kind).setBaseUrl(baseUrl).build();
    }
}
