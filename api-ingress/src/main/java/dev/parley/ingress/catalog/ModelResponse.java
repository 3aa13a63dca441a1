package dev.parley.ingress.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model the caller may use.
 *
 * @param maxOutputTokens the output limit when a request sets none, and the most it may ask for
 * @param prices credits per 1,000,000 tokens
 * @param ownKey the request would run on the caller's own key for the provider
 * @param vision the model takes images
 */
record ModelResponse(String id, String displayName, String provider, int contextWindow, int maxOutputTokens,
        ModelPrices prices, @JsonProperty("default") boolean isDefault, boolean ownKey, boolean vision) {

    static ModelResponse of(CatalogModel model, boolean ownKey) {
        return new ModelResponse(model.id(), model.displayName(), model.provider(), model.contextWindow(),
                model.maxOutputTokens(), model.prices(), model.isDefault(), ownKey, model.vision());
    }
}
