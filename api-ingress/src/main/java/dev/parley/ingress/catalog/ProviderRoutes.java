package dev.parley.ingress.catalog;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.events.ProviderKinds;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.platform.outbound.OutboundAddressException;
import dev.parley.platform.outbound.OutboundAddressPolicy;

/**
 * How the worker reaches an admin's provider, which it has no configuration for: the endpoint and the server's
 * key travel in the request. Built-in providers need neither: the worker is configured for them.
 */
@Component
public class ProviderRoutes {

    private static final Logger log = LoggerFactory.getLogger(ProviderRoutes.class);

    private final ModelCatalog catalog;
    private final CatalogKeySealer sealer;
    private final OutboundAddressPolicy policy;

    ProviderRoutes(ModelCatalog catalog, CatalogKeySealer sealer, OutboundAddressPolicy policy) {
        this.catalog = catalog;
        this.sealer = sealer;
        this.policy = policy;
    }

    /**
     * The admin provider's kind and base URL; nothing for a built-in. The address is checked again now, not only
     * when it was saved, because what a name resolves to can change.
     *
     * @throws ApiProblem outbound-address-refused when the base URL may not be called now
     */
    public Optional<ProviderEndpoint> endpoint(CatalogModel model) {
        return adminProvider(model).map(provider -> {
            if (provider.baseUrl() != null) {
                check(provider.baseUrl());
            }
            return ProviderKinds.endpoint(provider.kind(), provider.baseUrl());
        });
    }

    /** The admin provider's server key sealed for this request only; nothing for built-ins and keyless ones. */
    public Optional<ProviderCredential> serverCredential(String requestId, String userId, CatalogModel model) {
        return adminProvider(model).filter(provider -> provider.apiKey() != null).map(provider -> {
            try {
                return sealer.forTransport(requestId, userId, provider.name(), provider.apiKey());
            } catch (KeyRing.CryptoException e) {
                log.warn("Catalog: the key of provider '{}' no longer opens; an admin must store it again",
                        provider.name());
                throw ApiProblem.unavailable("Provider '" + provider.name() + "' is misconfigured; try again later",
                        null);
            }
        });
    }

    private Optional<CatalogProvider> adminProvider(CatalogModel model) {
        return catalog.provider(model.provider()).filter(provider -> !provider.builtIn());
    }

    private void check(String baseUrl) {
        try {
            policy.check(URI.create(baseUrl));
        } catch (OutboundAddressException | IllegalArgumentException e) {
            throw new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED, e.getMessage());
        }
    }
}
