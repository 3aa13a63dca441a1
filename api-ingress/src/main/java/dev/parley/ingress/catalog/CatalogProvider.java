package dev.parley.ingress.catalog;

import java.util.Map;

import dev.parley.events.ProviderKind;
import dev.parley.events.ProviderKinds;

/**
 * A provider as requests see it.
 *
 * @param baseUrl the API root the worker calls (the official one when none is stored); null for built-ins, whose
 *        address is the worker's configuration, and for the mock
 * @param enabled the admin's switch and, for a built-in, its configuration flag
 * @param usable the server can run it: enabled, and it has a key or needs none
 * @param ownKeys users may bring their own key ({@link ProviderDocument#takesOwnKeys()})
 */
public record CatalogProvider(String name, ProviderKind kind, String baseUrl, boolean builtIn, boolean enabled,
        boolean usable, ProviderDocument.StoredKey apiKey, boolean ownKeys) {

    /** @param configured each built-in's configuration flag; a built-in missing there counts as switched off */
    static CatalogProvider of(ProviderDocument document, Map<String, Boolean> configured) {
        ProviderKind kind = document.providerKind();
        if (document.builtIn()) {
            // the configuration flag says whether the worker holds a key for it
            boolean enabled = document.enabled() && configured.getOrDefault(document.name(), false);
            return new CatalogProvider(document.name(), kind, null, true, enabled, enabled, null,
                    document.takesOwnKeys());
        }
        boolean usable = document.enabled() && (!ProviderKinds.needsKey(kind) || document.apiKey() != null);
        return new CatalogProvider(document.name(), kind, ProviderKindRules.baseUrl(kind, document.baseUrl()), false,
                document.enabled(), usable, document.apiKey(), document.takesOwnKeys());
    }

    /** Users with their own key may use the models of a provider the server cannot run. */
    boolean ownKeyMayUnlock(ProviderDocument document) {
        return document.enabled() && ownKeys;
    }
}
