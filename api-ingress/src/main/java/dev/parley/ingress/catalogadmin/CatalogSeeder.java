package dev.parley.ingress.catalogadmin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKinds;
import dev.parley.ingress.catalog.CatalogProperties;
import dev.parley.ingress.catalog.CatalogSeed;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.ingress.catalog.ProviderStore;

/**
 * Inserts each configured provider whose name has no document yet. The insert fails on an existing name, so this
 * is idempotent and safe when several instances start at once; an existing document is never changed, because
 * after seeding the document is the truth that admins edit.
 */
@Component
class CatalogSeeder implements CatalogSeed {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final ProviderStore store;
    private final CatalogProperties properties;
    private final Clock clock;

    CatalogSeeder(ProviderStore store, CatalogProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void seed() {
        Instant now = clock.instant();
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
