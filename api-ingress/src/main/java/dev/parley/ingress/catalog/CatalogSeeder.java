package dev.parley.ingress.catalog;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.events.ProviderKinds;

/**
 * Inserts each configured provider whose name has no document yet. The insert fails on an existing name, so this
 * is idempotent and safe when several instances start at once; an existing document is never changed, because
 * after seeding the document is the truth that admins edit.
 */
final class CatalogSeeder {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final ProviderStore store;

    CatalogSeeder(ProviderStore store) {
        this.store = store;
    }

    void seed(CatalogProperties properties, Instant now) {
        properties.providers().forEach((name, provider) -> {
            if (store.insert(document(name, provider, now))) {
                log.info("Catalog: seeded built-in provider '{}' from configuration", name);
            }
        });
    }

    static ProviderDocument document(String name, CatalogProperties.Provider provider, Instant now) {
        List<ProviderDocument.ModelEntry> models = provider.models().stream()
                .map(model -> new ProviderDocument.ModelEntry(model.id(), model.displayName(), model.contextWindow(),
                        model.maxOutputTokens(), model.prices(), model.enabled(), model.vision()))
                .toList();
        return new ProviderDocument(name, ProviderKinds.wireName(provider.kindOf(name)), null, true, true, null, models, now, now, 0,
                provider.ownKeys());
    }
}
