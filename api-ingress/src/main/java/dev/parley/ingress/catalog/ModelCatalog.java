package dev.parley.ingress.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as requests see it: an in-memory snapshot of the {@code providers} collection, reloaded every
 * {@code parley.catalog.refresh-interval} and right after this instance's own writes, so that no request reads
 * MongoDB for it. Other instances see a change within the interval.
 */
public class ModelCatalog {

    private static final Logger log = LoggerFactory.getLogger(ModelCatalog.class);

    private final ProviderStore store;
    private final Map<String, Boolean> configured;
    private final String defaultModelId;
    private volatile CatalogSnapshot snapshot;

    /** @param configured each built-in's configuration flag, in configuration order */
    ModelCatalog(ProviderStore store, Map<String, Boolean> configured, String defaultModelId) {
        this.store = store;
        this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(configured));
        this.defaultModelId = defaultModelId;
        this.snapshot = prospective(List.of());
    }

    /** Reads the collection anew. */
    public void refresh() {
        CatalogSnapshot fresh = prospective(store.all());
        if (!fresh.conflicts().equals(snapshot.conflicts())) {
            // once per change, not at every reload
            fresh.conflicts().forEach(conflict -> log.warn("Catalog: {}", conflict));
        }
        snapshot = fresh;
    }

    /** Stops startup when the default model cannot serve a request that names no model. */
    void requireDefault() {
        if (snapshot.defaultModel().isEmpty()) {
            throw new IllegalStateException("parley.catalog.default-model '" + defaultModelId
                    + "' is not an enabled model of a usable provider");
        }
    }

    /** The catalog these documents would make, with this instance's configuration. */
    public CatalogSnapshot prospective(List<ProviderDocument> documents) {
        return CatalogSnapshot.of(documents, configured, defaultModelId);
    }

    /** In catalog order. */
    public List<ProviderDocument> ordered(List<ProviderDocument> documents) {
        return CatalogSnapshot.ordered(documents, List.copyOf(configured.keySet()));
    }

    /** How this instance sees a stored provider (its configuration flag applied). */
    public CatalogProvider describe(ProviderDocument document) {
        return CatalogProvider.of(document, configured);
    }

    public String defaultModelId() {
        return defaultModelId;
    }

    /** The models a user may use now: usable providers' models, plus those the user's own keys unlock. */
    public List<CatalogModel> models(Set<String> ownKeyProviders) {
        return snapshot.models(ownKeyProviders);
    }

    /** A model the user may use now. */
    public Optional<CatalogModel> find(String id, Set<String> ownKeyProviders) {
        return snapshot.find(id, ownKeyProviders);
    }

    /** The providers users may store and use their own key for ({@code ProviderDocument.takesOwnKeys}). */
    public Set<String> keyProviders() {
        return snapshot.keyProviders();
    }

    /** Whether users may store and use their own key for this provider ({@code ProviderDocument.takesOwnKeys}). */
    public boolean takesOwnKeys(String provider) {
        return snapshot.provider(provider).map(CatalogProvider::ownKeys).orElse(false);
    }

    /**
     * The model a request runs on: the one it asks for, else its conversation's, else the default. A name that
     * is not a model the user may use gives nothing rather than falling back, so that the caller can reject it.
     */
    public Optional<CatalogModel> resolve(String requested, String conversationModel, Set<String> ownKeyProviders) {
        CatalogSnapshot current = snapshot;
        if (requested != null && !requested.isBlank()) {
            return current.find(requested, ownKeyProviders);
        }
        if (conversationModel != null && !conversationModel.isBlank()) {
            return current.find(conversationModel, ownKeyProviders);
        }
        return current.defaultModel();
    }

    /** Like {@link #resolve(String, String, Set)} with no own keys. */
    public Optional<CatalogModel> resolve(String requested, String conversationModel) {
        return resolve(requested, conversationModel, Set.of());
    }

    Optional<CatalogProvider> provider(String name) {
        return snapshot.provider(name);
    }

    /** Every catalog model's price with its provider, from one snapshot. */
    Map<String, PricedModel> pricedModels() {
        CatalogSnapshot current = snapshot;
        Map<String, PricedModel> priced = new LinkedHashMap<>();
        current.prices().forEach((model, prices) -> priced.put(model,
                new PricedModel(current.owners().get(model), prices)));
        return priced;
    }

    record PricedModel(String provider, ModelPrices prices) {
    }
}
