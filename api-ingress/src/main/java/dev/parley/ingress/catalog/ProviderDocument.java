package dev.parley.ingress.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One provider of the catalog and its models. Every change replaces the document only while {@code version} is
 * still the one read, and increments it, so that concurrent writers cannot overwrite each other unseen.
 *
 * @param name the provider's name, as requests and users' own keys name it
 * @param baseUrl the API root; null for built-ins (the worker is configured for them) and for the official root
 * @param enabled the admin's switch; a built-in also needs its configuration flag
 * @param builtIn seeded from configuration: kind, base URL and key are the operator's, not the admins'
 * @param apiKey the server's key, sealed with the storage ring (AAD {@code catalog:<name>}); null: none
 */
@Document("providers")
record ProviderDocument(
        @Id String name,
        String kind,
        String baseUrl,
        boolean enabled,
        boolean builtIn,
        StoredKey apiKey,
        List<ModelEntry> models,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    ProviderDocument {
        models = models == null ? List.of() : List.copyOf(models);
    }

    ProviderKind providerKind() {
        return ProviderKind.of(kind);
    }

    /** The next version of this document, as it replaces this one. */
    ProviderDocument next(String kind, String baseUrl, boolean enabled, StoredKey apiKey, List<ModelEntry> models,
            Instant now) {
        return new ProviderDocument(name, kind, baseUrl, enabled, builtIn, apiKey, models, createdAt, now,
                version + 1);
    }

    ProviderDocument withModels(List<ModelEntry> models, Instant now) {
        return next(kind, baseUrl, enabled, apiKey, models, now);
    }

    /**
     * @param lastFour the key's last four characters, for the masked form in answers
     */
    record StoredKey(int keyVersion, byte[] iv, byte[] ciphertext, String lastFour) {
    }

    /**
     * @param id stored as {@code id}: Spring Data would map a nested property named id to {@code _id}
     * @param maxOutputTokens the default and the maximum output of a request
     * @param vision the model takes images (absent in documents from before it: false)
     */
    /** @param vision absent in documents written before models said so: false */
    record ModelEntry(@Field("id") String id, String displayName, int contextWindow, int maxOutputTokens, ModelPrices prices,
            boolean enabled, Boolean vision) {

        ModelEntry {
            vision = Boolean.TRUE.equals(vision);
        }
    }
}
