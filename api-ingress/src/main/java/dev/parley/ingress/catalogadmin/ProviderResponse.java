package dev.parley.ingress.catalogadmin;

import java.time.Instant;
import java.util.List;

import dev.parley.ingress.catalog.CatalogProvider;
import dev.parley.ingress.catalog.ProviderDocument;

/**
 * A provider as admins see it. The key itself is never shown: only whether there is one and its last four
 * characters.
 *
 * @param baseUrl as stored: null for built-ins (the worker's configuration) and for the official API root
 * @param enabled the admin's switch
 * @param usable whether the server runs requests for it now: enabled (for a built-in also by configuration) and a
 *        key when its kind needs one
 * @param version pass it back when replacing, to be refused (409) if someone changed the provider meanwhile
 */
record ProviderResponse(String name, String kind, String baseUrl, boolean enabled, boolean builtIn, boolean usable,
        boolean hasApiKey, String apiKeyLast4, boolean ownKeys, List<ProviderModelResponse> models, Instant createdAt,
        Instant updatedAt, long version) {

    static ProviderResponse of(ProviderDocument document, CatalogProvider seen) {
        var key = document.apiKey();
        return new ProviderResponse(document.name(), document.kind(), document.baseUrl(), document.enabled(),
                document.builtIn(), seen.usable(), key != null, key == null ? null : key.lastFour(),
                document.takesOwnKeys(),
                document.models().stream().map(ProviderModelResponse::of).toList(), document.createdAt(),
                document.updatedAt(), document.version());
    }
}
