package dev.parley.ingress.catalog;

import java.util.Locale;

import dev.parley.events.ProviderKind;
import dev.parley.events.ProviderKinds;

/** What the catalog makes of each {@link ProviderKind} (schemas' enum, the one definition of the kinds). */
public final class ProviderKindRules {

    public static final String PATTERN = "openai|anthropic|openai-compatible|mock";
    public static final String CHOICES = "must be openai, anthropic, openai-compatible or mock";

    private ProviderKindRules() {
    }

    /** The kind of a stored or requested wire name, which validation has limited to {@link #PATTERN}. */
    public static ProviderKind of(String value) {
        ProviderKind kind = ProviderKinds.parse(value);
        if (kind == ProviderKind.UNKNOWN) {
            throw new IllegalArgumentException("Unknown provider kind '" + value + "'");
        }
        return kind;
    }

    /** The kind of a configured provider that does not name one: by its name, else OpenAI-compatible. */
    static ProviderKind forBuiltIn(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mock" -> ProviderKind.MOCK;
            case "openai" -> ProviderKind.OPENAI;
            case "anthropic" -> ProviderKind.ANTHROPIC;
            default -> ProviderKind.OPENAI_COMPATIBLE;
        };
    }

    /** The official API root when the provider names none; null for kinds that have none. */
    static String baseUrl(ProviderKind kind, String configured) {
        return configured != null ? configured : ProviderKinds.officialBaseUrl(kind);
    }

    /** Only the mock takes no key at all. */
    public static boolean takesKey(ProviderKind kind) {
        return kind != ProviderKind.MOCK;
    }

    /** A base URL is required where there is no official root, and forbidden for the mock (it calls nothing). */
    public static boolean requiresBaseUrl(ProviderKind kind) {
        return kind == ProviderKind.OPENAI_COMPATIBLE;
    }

    public static boolean allowsBaseUrl(ProviderKind kind) {
        return kind != ProviderKind.MOCK;
    }
}
