package dev.parley.ingress.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.parley.events.ProviderKind;

/**
 * The built-in providers, seeded into the {@code providers} collection when absent (after that the document is
 * the truth and admins edit it), and how the catalog is read.
 *
 * @param defaultModel used when neither the message nor its conversation names a model; must be usable
 * @param refreshInterval how often each instance reloads the catalog (it also reloads after its own writes)
 * @param providers provider name (as the worker knows it) to its settings, in listing order
 */
@Validated
@ConfigurationProperties("parley.catalog")
public record CatalogProperties(@NotBlank String defaultModel, @DefaultValue("10s") @NotNull Duration refreshInterval,
        @NotEmpty Map<String, @Valid @NotNull Provider> providers) {

    /** Each built-in's configuration flag (the worker has its key), in configuration order. */
    Map<String, Boolean> enabledFlags() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        providers.forEach((name, provider) -> flags.put(name, provider.enabled()));
        return flags;
    }

    /**
     * @param enabled whether the worker can serve it with the server's key; without, only users who stored their
     *        own key for it may use its models
     * @param kind absent: by name (mock, openai, anthropic), else openai-compatible
     * @param ownKeys whether users may bring their own key, seeded into the document; absent: yes, except for the
     *        mock (set false for a self-hosted server such as vLLM or Ollama, whose compute the operator pays)
     */
    public record Provider(@DefaultValue("true") boolean enabled,
            @Pattern(regexp = ProviderKindRules.PATTERN, message = ProviderKindRules.CHOICES) String kind,
            @DefaultValue List<@Valid @NotNull Model> models,
            Boolean ownKeys) {

        public ProviderKind kindOf(String name) {
            return kind == null ? ProviderKindRules.forBuiltIn(name) : ProviderKindRules.of(kind);
        }
    }

    /**
     * @param maxOutputTokens the output limit of a request that sets none (what admission reserves) and the most a
     *        request may ask for
     * @param prices credits per 1,000,000 tokens
     * @param vision the model takes images
     */
    public record Model(@NotBlank String id, String displayName, @Min(1) int contextWindow, @Min(1) int maxOutputTokens,
            @Valid @NotNull ModelPrices prices, @DefaultValue("true") boolean enabled,
            @DefaultValue("false") boolean vision) {

        @AssertTrue(message = "max-output-tokens must be below context-window")
        boolean isOutputWithinWindow() {
            return maxOutputTokens < contextWindow;
        }
    }
}
