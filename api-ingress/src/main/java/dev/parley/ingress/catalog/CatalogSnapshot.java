package dev.parley.ingress.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog as one immutable value, built from the {@code providers} documents. Built-ins come first in
 * configuration order, then the admins' providers, oldest first. A model id that two providers offer is kept for
 * the first and reported in {@link #conflicts()}, so that one bad document never empties the catalog.
 */
public final class CatalogSnapshot {

    /** @param serverUsable false: only a user with their own key for the provider may use it */
    record Offer(CatalogModel model, boolean serverUsable) {
    }

    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, CatalogProvider> providers = new LinkedHashMap<>();
    private final Map<String, ModelPrices> prices = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final List<String> conflicts = new ArrayList<>();
    private final String defaultModelId;

    private CatalogSnapshot(String defaultModelId) {
        this.defaultModelId = defaultModelId;
    }

    /** @param configured each built-in's configuration flag, in configuration order */
    static CatalogSnapshot of(List<ProviderDocument> documents, Map<String, Boolean> configured,
            String defaultModelId) {
        CatalogSnapshot snapshot = new CatalogSnapshot(defaultModelId);
        ordered(documents, List.copyOf(configured.keySet()))
                .forEach(document -> snapshot.add(document, CatalogProvider.of(document, configured)));
        return snapshot;
    }

    /** Built-ins in configuration order, then the admins' providers, oldest first. */
    static List<ProviderDocument> ordered(List<ProviderDocument> documents, List<String> builtInOrder) {
        return documents.stream().sorted(Comparator
                        .comparing((ProviderDocument document) -> rank(builtInOrder, document))
                        .thenComparing(ProviderDocument::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ProviderDocument::name))
                .toList();
    }

    private static int rank(List<String> order, ProviderDocument document) {
        int index = document.builtIn() ? order.indexOf(document.name()) : -1;
        return index >= 0 ? index : order.size();
    }

    private void add(ProviderDocument document, CatalogProvider provider) {
        providers.put(provider.name(), provider);
        boolean offered = provider.usable() || provider.ownKeyMayUnlock(document);
        for (ProviderDocument.ModelEntry entry : document.models()) {
            if (entry.id() == null || entry.prices() == null) {
                conflicts.add("Provider '" + provider.name() + "' has a model without id or prices; it is ignored");
                continue;
            }
            if (owners.containsKey(entry.id())) {
                conflicts.add("Model '" + entry.id() + "' of provider '" + provider.name()
                        + "' is also offered by '" + owners.get(entry.id()) + "'; the first one is kept");
                continue;
            }
            owners.put(entry.id(), provider.name());
            prices.put(entry.id(), entry.prices());
            if (offered && entry.enabled()) {
                var model = new CatalogModel(entry.id(), entry.displayName(), provider.name(), entry.contextWindow(),
                        entry.maxOutputTokens(), entry.prices(), false, document.createdAt(), entry.vision());
                boolean isDefault = provider.usable() && entry.id().equals(defaultModelId);
                offers.put(entry.id(), new Offer(isDefault ? model.asDefault() : model, provider.usable()));
            }
        }
    }

    /** The providers users may store their own key for. */
    Set<String> keyProviders() {
        return providers.values().stream().filter(CatalogProvider::ownKeys).map(CatalogProvider::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The provider whose model this id is, whether the model is offered now or not. */
    public Optional<String> owner(String modelId) {
        return Optional.ofNullable(owners.get(modelId));
    }

    /** The models the user may use now, in catalog order. */
    List<CatalogModel> models(Set<String> ownKeyProviders) {
        return offers.values().stream().filter(offer -> mayUse(offer, ownKeyProviders)).map(Offer::model).toList();
    }

    Optional<CatalogModel> find(String id, Set<String> ownKeyProviders) {
        return Optional.ofNullable(id == null ? null : offers.get(id)).filter(offer -> mayUse(offer, ownKeyProviders))
                .map(Offer::model);
    }

    /** The default model, or nothing when it is not usable with the server's keys. */
    public Optional<CatalogModel> defaultModel() {
        return Optional.ofNullable(offers.get(defaultModelId)).filter(Offer::serverUsable).map(Offer::model);
    }

    Optional<CatalogProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** Every model's price, also of disabled models and providers: usage of them may still arrive. */
    Map<String, ModelPrices> prices() {
        return Collections.unmodifiableMap(prices);
    }

    /** The provider of every priced model. */
    Map<String, String> owners() {
        return Collections.unmodifiableMap(owners);
    }

    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    private static boolean mayUse(Offer offer, Set<String> ownKeyProviders) {
        return offer.serverUsable() || ownKeyProviders.contains(offer.model().provider());
    }
}
