package dev.parley.ingress.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enabled models, checked once at startup so that a bad catalog stops the service instead of requests. The
 * models of a provider disabled here (no server key) are kept aside: a user with their own key for it may use them.
 */
public final class ModelCatalog {

    private final Map<String, CatalogModel> models = new LinkedHashMap<>();
    private final Map<String, CatalogModel> ownKeyOnly = new LinkedHashMap<>();
    private final Set<String> providers;
    private final Map<String, Integer> defaultMaxTokens = new LinkedHashMap<>();
    private final CatalogModel defaultModel;

    ModelCatalog(String defaultModelId, Map<String, CatalogProperties.Provider> providers) {
        this.providers = Set.copyOf(providers.keySet());
        providers.forEach((provider, settings) -> settings.models().forEach(model -> {
            add(settings.enabled() ? models : ownKeyOnly, model, provider,
                    settings.enabled() && model.equals(defaultModelId));
            defaultMaxTokens.put(model, settings.defaultMaxTokens());
        }));
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

    /** The enabled models plus those of disabled providers the user has their own key for, in catalog order. */
    public List<CatalogModel> models(Set<String> ownKeyProviders) {
        var usable = models();
        ownKeyOnly.values().stream().filter(model -> ownKeyProviders.contains(model.provider())).forEach(usable::add);
        return usable;
    }

    /** Whether the catalog names this provider at all, enabled or not. */
    public boolean hasProvider(String provider) {
        return providers.contains(provider);
    }

    public Optional<CatalogModel> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    private Optional<CatalogModel> find(String id, Set<String> ownKeyProviders) {
        return find(id).or(() -> Optional.ofNullable(ownKeyOnly.get(id))
                .filter(model -> ownKeyProviders.contains(model.provider())));
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
        return resolve(requested, conversationModel, Set.of());
    }

    /** Like {@link #resolve(String, String)}, also accepting the models of the user's own-key providers. */
    public Optional<CatalogModel> resolve(String requested, String conversationModel, Set<String> ownKeyProviders) {
        if (requested != null && !requested.isBlank()) {
            return find(requested, ownKeyProviders);
        }
        if (conversationModel != null && !conversationModel.isBlank()) {
            return find(conversationModel, ownKeyProviders);
        }
        return Optional.of(defaultModel);
    }

    private void add(Map<String, CatalogModel> into, String model, String provider, boolean isDefault) {
        CatalogModel previous = models.containsKey(model) ? models.get(model) : ownKeyOnly.get(model);
        if (previous != null) {
            throw new IllegalStateException("Model '" + model + "' is offered by both '" + previous.provider()
                    + "' and '" + provider + "'; a model id must name one provider");
        }
        into.put(model, new CatalogModel(model, provider, isDefault));
    }
}
