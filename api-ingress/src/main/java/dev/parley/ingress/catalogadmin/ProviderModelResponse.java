package dev.parley.ingress.catalogadmin;

import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.ProviderDocument;

/** A provider's model as admins see it, enabled or not. */
record ProviderModelResponse(String id, String displayName, int contextWindow, int maxOutputTokens,
        ModelPrices prices, boolean enabled, boolean vision) {

    static ProviderModelResponse of(ProviderDocument.ModelEntry model) {
        return new ProviderModelResponse(model.id(), model.displayName(), model.contextWindow(),
                model.maxOutputTokens(), model.prices(), model.enabled(), model.vision());
    }
}
