package dev.parley.ingress.catalog;

import java.time.Instant;

/**
 * A model a request may use, and the provider the worker calls for it.
 *
 * @param contextWindow tokens of input and output together that the model accepts
 * @param maxOutputTokens the output limit of a request that sets none, and the most a request may ask for; it is
 *        what admission reserves for the output
 * @param createdAt when its provider entered the catalog
 * @param vision the model takes images (image attachments, image parts on /v1)
 */
public record CatalogModel(String id, String displayName, String provider, int contextWindow, int maxOutputTokens,
        ModelPrices prices, boolean isDefault, Instant createdAt, boolean vision) {

    public CatalogModel(String id, String displayName, String provider, int contextWindow, int maxOutputTokens,
            ModelPrices prices, boolean isDefault, Instant createdAt) {
        this(id, displayName, provider, contextWindow, maxOutputTokens, prices, isDefault, createdAt, false);
    }

    static final int MOCK_CONTEXT_WINDOW = 8192;
    static final int MOCK_MAX_OUTPUT_TOKENS = 1024;
    static final ModelPrices MOCK_PRICES = new ModelPrices(1_000_000, 1_000_000, 1_000_000);

    /** A model with the built-in mock models' limits and prices, for callers that only need its identity. */
    public CatalogModel(String id, String provider, boolean isDefault) {
        this(id, null, provider, MOCK_CONTEXT_WINDOW, MOCK_MAX_OUTPUT_TOKENS, MOCK_PRICES, isDefault, Instant.EPOCH);
    }

    CatalogModel asDefault() {
        return new CatalogModel(id, displayName, provider, contextWindow, maxOutputTokens, prices, true, createdAt,
                vision);
    }
}
