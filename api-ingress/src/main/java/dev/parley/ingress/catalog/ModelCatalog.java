package dev.parley.ingress.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The enabled models, checked once at startup so that a bad catalog stops the service instead of requests. */
public final class ModelCatalog {

    private final Map<String, CatalogModel> models = new LinkedHashMap<>();
    private final Map<String, Integer> defaultMaxTokens = new LinkedHashMap<>();
    private final CatalogModel defaultModel;

    ModelCatalog(String defaultModelId, Map<String, CatalogProperties.Provider> providers) {
        providers.forEach((provider, settings) -> {
            if (settings.enabled()) {
                settings.models().forEach(model -> {
                    add(model, provider, model.equals(defaultModelId));
                    defaultMaxTokens.put(model, settings.defaultMaxTokens());
                });
            }
        });
        defaultModel = models.get(defaultModelId);
        if (defaultModel == null) {
            throw new IllegalStateException("parley.catalog.default-model '" + defaultModelId
                    + "' is not a model of an enabled provider");
        }
    }

    /** All enabled models in catalog order. */
    public List<CatalogModel> models() {
        return new ArrayList<>(models.values());
    }

    public Optional<CatalogModel> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    /** The output limit of a request on this model that sets none. */
    public int defaultMaxTokens(CatalogModel model) {
        Integer limit = defaultMaxTokens.get(model.id());
        if (limit == null) {
            throw new IllegalArgumentException("Model '" + model.id() + "' is not in the catalog");
        }
        return limit;
    }

    /**
     * The model a request runs on: the one it asks for, else its conversation's, else the default. A name that
     * is not an enabled model gives nothing rather than falling back, so that the caller can reject it.
     */
    public Optional<CatalogModel> resolve(String requested, String conversationModel) {
        if (requested != null && !requested.isBlank()) {
            return find(requested);
        }
        if (conversationModel != null && !conversationModel.isBlank()) {
            return find(conversationModel);
        }
        return Optional.of(defaultModel);
    }

    private void add(String model, String provider, boolean isDefault) {
        CatalogModel previous = models.putIfAbsent(model, new CatalogModel(model, provider, isDefault));
        if (previous != null) {
            throw new IllegalStateException("Model '" + model + "' is offered by both '" + previous.provider()
                    + "' and '" + provider + "'; a model id must name one provider");
        }
    }
}
