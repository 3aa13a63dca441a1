package dev.parley.worker.call;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.parley.worker.catalog.CatalogProviders;
import dev.parley.worker.provider.ConfiguredProvider;
import dev.parley.worker.provider.ProviderRegistry;

/**
 * The provider of a route: the requested provider's endpoint when the request carries one (it wins over a
 * configured provider of the same name; api-ingress sends none for the providers it knows as built in),
 * otherwise this worker's configuration.
 */
@Component
class ProviderLookup {

    private final ProviderRegistry configured;
    private final CatalogProviders catalog;

    ProviderLookup(ProviderRegistry configured, CatalogProviders catalog) {
        this.configured = configured;
        this.catalog = catalog;
    }

    /** @param withKey the call runs on a key the request brought */
    Optional<ConfiguredProvider> find(Route route, RequestedProvider requested, boolean withKey) {
        if (requested.endpoint() != null && requested.is(route)) {
            return Optional.of(catalog.provider(route.provider(), requested.endpoint(), withKey));
        }
        return configured.find(route.provider(), withKey);
    }
}
