package dev.parley.ingress.catalog;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The models users may ask for, grouped by the provider that serves them.
 *
 * @param defaultModel used when neither the message nor its conversation names a model
 * @param providers provider name (as the worker knows it) to its models
 */
@Validated
@ConfigurationProperties("parley.catalog")
record CatalogProperties(@NotBlank String defaultModel, @NotEmpty Map<String, @Valid @NotNull Provider> providers) {

    /**
     * @param enabled a disabled provider's models are neither listed nor accepted
     * @param defaultMaxTokens the output limit of a request that sets none; it is also what admission reserves
     */
    record Provider(@DefaultValue("true") boolean enabled, @DefaultValue List<@NotBlank String> models,
            @DefaultValue("4096") @Min(1) @Max(1_000_000) int defaultMaxTokens) {
    }
}
