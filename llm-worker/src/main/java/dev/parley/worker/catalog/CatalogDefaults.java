package dev.parley.worker.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.worker.config.ProviderProperties.Timeouts;

/**
 * Settings of the providers an admin adds to the catalog at runtime ({@code parley.worker.catalog-defaults.*}),
 * which have no {@code parley.worker.providers} entry: the same meaning as there.
 *
 * @param timeouts limits of one call
 * @param retry retries of a call that failed before its first delta
 * @param limits admission per catalog provider (by name)
 * @param defaultMaxTokens answer length when a request sets none (Anthropic requires one)
 * @param maxCompletionTokensModels model name prefixes that take {@code max_completion_tokens}, for kind
 *        {@code openai}
 * @param maxCachedProviders catalog providers kept built at once (least recently used dropped first)
 */
@Validated
@ConfigurationProperties("parley.worker.catalog-defaults")
public record CatalogDefaults(
        @DefaultValue @Valid @NotNull Timeouts timeouts,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Limits limits,
        @DefaultValue("4096") @Min(1) int defaultMaxTokens,
        @DefaultValue({"o1", "o3", "o4", "gpt-5"}) List<String> maxCompletionTokensModels,
        @DefaultValue("256") @Min(1) int maxCachedProviders) {

    public CatalogDefaults {
        maxCompletionTokensModels = maxCompletionTokensModels == null ? List.of()
                : List.copyOf(maxCompletionTokensModels);
    }
}
