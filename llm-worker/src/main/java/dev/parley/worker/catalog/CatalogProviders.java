package dev.parley.worker.catalog;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKind;
import dev.parley.worker.catalog.EndpointResolver.Resolution;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ConfiguredProvider;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderFactory;
import dev.parley.worker.provider.RefusingProvider;

/**
 * The providers admins added to the catalog at runtime, built from the endpoint their requests carry with the
 * {@link CatalogDefaults}, every HTTP call behind the outbound-address guard. Built providers are kept in a
 * bounded cache by name, kind and base URL (not by key: the key comes with each request), so that a busy catalog
 * provider is built once; an endpoint that changed is simply another entry.
 */
@Component
public class CatalogProviders {

    private static final Logger log = LoggerFactory.getLogger(CatalogProviders.class);

    private final EndpointResolver resolver;
    private final List<ProviderFactory> factories;
    private final Cache<Key, ConfiguredProvider> built;

    public CatalogProviders(CatalogDefaults defaults, List<ProviderFactory> factories) {
        this.resolver = new EndpointResolver(defaults);
        this.factories = List.copyOf(factories);
        // evictions run on the calling thread: cheap at this size, and no pool thread per worker
        this.built = Caffeine.newBuilder().maximumSize(defaults.maxCachedProviders()).executor(Runnable::run).build();
    }

    /**
     * @param withKey whether the request brought a key (server-held or the user's own)
     * @return the provider; one that cannot be called ends every call with the reason, sending nothing
     */
    public ConfiguredProvider provider(String name, Endpoint endpoint, boolean withKey) {
        ConfiguredProvider provider = built.get(new Key(name, endpoint.kind(), endpoint.baseUrl()),
                key -> build(name, endpoint));
        if (!withKey && provider.properties().requiresKey()) {
            var noKey = new ProviderError(ErrorCodes.PROVIDER_NOT_CONFIGURED,
                    "Provider '" + name + "' has no API key (the request carried none)");
            return new ConfiguredProvider(name, new RefusingProvider(noKey), provider.properties());
        }
        return provider;
    }

    /** Providers built and kept now. */
    long cached() {
        built.cleanUp();
        return built.estimatedSize();
    }

    private ConfiguredProvider build(String name, Endpoint endpoint) {
        Resolution resolution = resolver.resolve(name, endpoint);
        if (resolution.refusal() != null) {
            log.warn("Catalog provider '{}' cannot be called: {}", name, resolution.refusal().message());
            return new ConfiguredProvider(name, new RefusingProvider(resolution.refusal()), resolution.properties());
        }
        log.info("Catalog provider '{}' of kind {} ready", name, endpoint.kind());
        return new ConfiguredProvider(name, implementation(name, resolution), resolution.properties());
    }

    private ChatProvider implementation(String name, Resolution resolution) {
        return ProviderFactory.of(resolution.properties().kind(), factories)
                .createGuarded(name, resolution.properties());
    }

    private record Key(String name, ProviderKind kind, String baseUrl) {
    }
}
