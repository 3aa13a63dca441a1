package dev.parley.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Which LLM providers the local stack offers: the built-in mock always, a real one when its API key is set.
 * An explicit {@code PARLEY_<NAME>_ENABLED} wins, so a provider can be switched off with its key still set.
 */
final class Providers {

    record Provider(String name, String keyVariable, String enabledVariable) {
    }

    static final List<Provider> KEYED = List.of(
            new Provider("openai", "OPENAI_API_KEY", "PARLEY_OPENAI_ENABLED"),
            new Provider("openrouter", "OPENROUTER_API_KEY", "PARLEY_OPENROUTER_ENABLED"),
            new Provider("anthropic", "ANTHROPIC_API_KEY", "PARLEY_ANTHROPIC_ENABLED"),
            new Provider("groq", "GROQ_API_KEY", "PARLEY_GROQ_ENABLED"),
            new Provider("together", "TOGETHER_API_KEY", "PARLEY_TOGETHER_ENABLED"),
            new Provider("huggingface", "HF_TOKEN", "PARLEY_HUGGINGFACE_ENABLED"));

    private Providers() {
    }

    static boolean enabled(Provider provider, StackSettings settings) {
        return settings.envValue(provider.enabledVariable())
                .map(Boolean::parseBoolean)
                .orElseGet(() -> settings.envValue(provider.keyVariable()).isPresent());
    }

    /** Names of the enabled providers, mock first. */
    static List<String> enabledNames(StackSettings settings) {
        List<String> names = new ArrayList<>(List.of("mock"));
        KEYED.stream().filter(p -> enabled(p, settings)).map(Provider::name).forEach(names::add);
        return names;
    }
}
