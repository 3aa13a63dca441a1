package dev.parley.ingress.catalogadmin;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import dev.parley.ingress.catalog.CatalogKeySealer;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.PricePublisher;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.ingress.catalog.ProviderStore;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.outbound.OutboundAddressPolicy;

/**
 * Admins' changes to the catalog. Each is a read-modify-write of one provider document that only lands while the
 * document is still the version read; otherwise it is redone on the fresh document, so concurrent changes are
 * applied one after the other and none is lost. A caller that names the version it based a replacement on gets a
 * 409 instead when it is stale. After each write this instance reloads its catalog and publishes the prices that changed
 * ({@link PricePublisher}).
 */
@Service
public class CatalogAdmin {

    private static final int ATTEMPTS = 10;

    private final ProviderStore store;
    private final ModelCatalog catalog;
    private final ProviderRules rules;
    private final ProviderChanges changes;
    private final CatalogGuard guard;
    private final PricePublisher prices;
    private final Clock clock;

    CatalogAdmin(ProviderStore store, ModelCatalog catalog, CatalogKeySealer sealer, OutboundAddressPolicy policy,
            PricePublisher prices, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.rules = new ProviderRules(policy);
        this.changes = new ProviderChanges(sealer);
        this.guard = new CatalogGuard(catalog);
        this.prices = prices;
        this.clock = clock;
    }

    List<ProviderResponse> list() {
        return catalog.ordered(store.all()).stream().map(this::response).toList();
    }

    ProviderResponse get(String name) {
        return response(require(name));
    }

    ProviderResponse create(ProviderRequest request) {
        rules.check(request, null, false);
        ProviderDocument created = changes.created(request, clock.instant());
        guard.check(store.all(), created.name(), created);
        if (!store.insert(created)) {
            throw ApiProblem.conflict("Provider '" + created.name() + "' exists");
        }
        written();
        return response(created);
    }

    ProviderResponse replace(String name, ProviderRequest request) {
        rules.check(request, name, require(name).builtIn());
        return response(update(name, request.version(), current -> changes.replaced(current, request,
                clock.instant())));
    }

    void delete(String name) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<ProviderDocument> all = store.all();
            ProviderDocument current = find(all, name);
            if (current.builtIn()) {
                throw new ApiProblem(ProblemKind.CATALOG_READ_ONLY, "Provider '" + name
                        + "' is built in and cannot be deleted; disable it instead");
            }
            guard.check(all, name, null);
            if (store.delete(name, current.version())) {
                written();
                return;
            }
        }
        throw busy(name);
    }

    ProviderResponse putModel(String name, String modelId, ModelRequest request) {
        rules.check(modelId, request);
        return response(update(name, null, current -> ProviderChanges.withModel(current, request.entry(modelId),
                clock.instant())));
    }

    ProviderResponse deleteModel(String name, String modelId) {
        return response(update(name, null, current -> ProviderChanges.withoutModel(current, modelId,
                clock.instant())));
    }

    /**
     * Sets a model's prices wherever it is in the catalog.
     *
     * @throws ApiProblem not-found when no provider has the model
     */
    public ModelPrices setPrices(String modelId, ModelPrices prices) {
        String owner = catalog.prospective(store.all()).owner(modelId)
                .orElseThrow(() -> ApiProblem.notFound("Model '" + modelId + "' is not in the catalog"));
        update(owner, null, current -> ProviderChanges.withPrices(current, modelId, prices, clock.instant()));
        return prices;
    }

    private ProviderDocument update(String name, Long expectedVersion, UnaryOperator<ProviderDocument> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<ProviderDocument> all = store.all();
            ProviderDocument current = find(all, name);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ApiProblem.conflict("Provider '" + name + "' changed meanwhile (version " + current.version()
                        + ", not " + expectedVersion + "); read it again");
            }
            ProviderDocument next = change.apply(current);
            guard.check(all, name, next);
            if (store.replace(next, current.version())) {
                written();
                return next;
            }
        }
        throw busy(name);
    }

    private void written() {
        catalog.refresh();
        prices.publishChanges();
    }

    private ProviderDocument require(String name) {
        return store.find(name).orElseThrow(() -> notFound(name));
    }

    private static ProviderDocument find(List<ProviderDocument> all, String name) {
        return all.stream().filter(document -> document.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
    }

    private ProviderResponse response(ProviderDocument document) {
        return ProviderResponse.of(document, catalog.describe(document));
    }

    private static ApiProblem notFound(String name) {
        return ApiProblem.notFound("Provider '" + name + "' not found");
    }

    private static ApiProblem busy(String name) {
        return ApiProblem.conflict("Provider '" + name + "' is being changed by others right now; try again");
    }
}
