package dev.parley.ingress.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import dev.parley.events.ProviderKind;
import dev.parley.events.ProviderKinds;

/**
 * One provider of the catalog and its models. Every change replaces the document only while {@code version} is
 * still the one read, and increments it, so that concurrent writers cannot overwrite each other unseen.
 *
 * @param name the provider's name, as requests and users' own keys name it
 * @param baseUrl the API root; null for built-ins (the worker is configured for them) and for the official root
 * @param enabled the admin's switch; a built-in also needs its configuration flag
 * @param builtIn seeded from configuration: kind, base URL and key are the operator's, not the admins'
 * @param apiKey the server's key, sealed with the storage ring (AAD {@code catalog:<name>}); null: none
 * @param ownKeys whether users may bring their own key (see {@link #takesOwnKeys()}); null: by kind and server key
 */
@Document("providers")
public record ProviderDocument(
        @Id String name,
        String kind,
        String baseUrl,
        boolean enabled,
        boolean builtIn,
        StoredKey apiKey,
        List<ModelEntry> models,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Boolean ownKeys) {

    public ProviderDocument {
        models = models == null ? List.of() : List.copyOf(models);
    }

    ProviderKind providerKind() {
        return ProviderKindRules.of(kind);
    }

    /**
     * Whether users may store and use their own key for this provider, which then bills the key's owner: only for an
     * API that takes keys. A self-hosted server the operator runs (vLLM, Ollama: OpenAI-compatible without a server
     * key) takes none, so an "own key" there would only make the operator's compute free. Unset on an
     * OpenAI-compatible provider: yes when the server holds a key for it (a hosted API) or it is a built-in.
     */
    public boolean takesOwnKeys() {
        ProviderKind kind = providerKind();
        if (!ProviderKindRules.takesKey(kind)) {
            return false;
        }
        if (ProviderKinds.needsKey(kind)) {
            return true;
        }
        return ownKeys != null ? ownKeys : builtIn || apiKey != null;
    }

    /** The next version of this document, as it replaces this one. */
    public ProviderDocument next(String kind, String baseUrl, boolean enabled, StoredKey apiKey,
            List<ModelEntry> models, Instant now, Boolean ownKeys) {
        return new ProviderDocument(name, kind, baseUrl, enabled, builtIn, apiKey, models, createdAt, now,
                version + 1, ownKeys);
    }

    public ProviderDocument withModels(List<ModelEntry> models, Instant now) {
        return next(kind, baseUrl, enabled, apiKey, models, now, ownKeys);
    }

    /**
     * @param lastFour the key's last four characters, for the masked form in answers
     */
    public record StoredKey(int keyVersion, byte[] iv, byte[] ciphertext, String lastFour) {
    }

    /**
     * @param id stored as {@code id}: Spring Data would map a nested property named id to {@code _id}
     * @param maxOutputTokens the default and the maximum output of a request
     * @param vision the model takes images (absent in documents from before it: false)
     */
    /** @param vision absent in documents written before models said so: false */
    public record ModelEntry(@Field("id") String id, String displayName, int contextWindow, int maxOutputTokens,
            ModelPrices prices, boolean enabled, Boolean vision) {

        public ModelEntry {
            vision = Boolean.TRUE.equals(vision);
        }
    }
}
