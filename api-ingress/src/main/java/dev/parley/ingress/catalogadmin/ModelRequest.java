package dev.parley.ingress.catalogadmin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.parley.ingress.catalog.ProviderDocument;

/**
 * A model of a provider.
 *
 * @param id unique in the whole catalog; may contain {@code /} (e.g. {@code openai/gpt-4o-mini}); required in a
 *        provider's list, optional when the path names the model
 * @param maxOutputTokens the output limit of a request that sets none, the most a request may ask for, and what
 *        admission reserves; below the context window
 * @param enabled absent: true
 * @param vision the model takes images; absent: false
 */
record ModelRequest(
        @Size(max = 200) @Pattern(regexp = MODEL_ID, message = MODEL_ID_RULE) String id,
        @Size(max = 100) String displayName,
        @NotNull @Min(2) @Max(100_000_000) Integer contextWindow,
        @NotNull @Min(1) @Max(10_000_000) Integer maxOutputTokens,
        @NotNull @Valid PricesRequest prices,
        Boolean enabled,
        Boolean vision) {

    /** Segments of letters, digits and {@code . _ : @ + -} joined by single slashes. */
    static final String MODEL_ID = "[A-Za-z0-9][A-Za-z0-9._:@+-]*(/[A-Za-z0-9][A-Za-z0-9._:@+-]*)*";
    static final String MODEL_ID_RULE = "must be letters, digits and . _ : @ + - in segments joined by single '/'";

    ProviderDocument.ModelEntry entry(String modelId) {
        return new ProviderDocument.ModelEntry(modelId, displayName, contextWindow, maxOutputTokens, prices.prices(),
                enabled == null || enabled, Boolean.TRUE.equals(vision));
    }
}
