package dev.parley.ingress.submission;

import org.springframework.stereotype.Component;

import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ProviderRoutes;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Which model a chat request runs on, and where and with which key the worker calls its provider. Read from the
 * catalog's in-memory snapshot and the user's keys; refusals are counted by reason.
 */
@Component
class ChatRoutes {

    private final ModelCatalog catalog;
    private final ProviderKeyService providerKeys;
    private final ProviderRoutes routes;
    private final MessageMetrics metrics;

    ChatRoutes(ModelCatalog catalog, ProviderKeyService providerKeys, ProviderRoutes routes, MessageMetrics metrics) {
        this.catalog = catalog;
        this.providerKeys = providerKeys;
        this.routes = routes;
        this.metrics = metrics;
    }

    /** The requested model, else the fallback (a conversation's), else the catalog's default; or a problem. */
    CatalogModel model(String userId, String requested, String fallback) {
        return catalog.resolve(requested, fallback, providerKeys.providers(userId)).orElseThrow(() -> {
            metrics.rejected(MessageMetrics.MODEL_UNKNOWN);
            String name = requested == null || requested.isBlank() ? fallback : requested;
            return new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + name + "' is not available");
        });
    }

    /**
     * Where the request goes: the user's own key when they stored one (it wins), else for an admin's provider the
     * server's key; an admin's provider's address is checked again now. Nothing is sealed yet: that needs the
     * request's id ({@link #route}), which admission chooses knowing whether the request runs on the user's own key.
     */
    Plan plan(String userId, CatalogModel model) {
        ProviderEndpoint endpoint = metrics.check(MessageMetrics.OUTBOUND_ADDRESS_REFUSED,
                () -> routes.endpoint(model)).orElse(null);
        return new Plan(userId, model, endpoint, providerKeys.ownKey(userId, model.provider()).orElse(null));
    }

    /** The plan's key sealed for this request only. */
    Route route(Plan plan, String requestId) {
        if (plan.ownKey != null) {
            return new Route(plan.endpoint, plan.ownKey.sealedFor(requestId), true);
        }
        return new Route(plan.endpoint, routes.serverCredential(requestId, plan.userId, plan.model).orElse(null),
                false);
    }

    /** A planned route; {@code ownKey}: the user's key, null for the server's. */
    record Plan(String userId, CatalogModel model, ProviderEndpoint endpoint, ProviderKeyService.OwnKey ownKey) {

        boolean onOwnKey() {
            return ownKey != null;
        }
    }

    /** @param ownKey the credential is the user's own key */
    record Route(ProviderEndpoint endpoint, ProviderCredential credential, boolean ownKey) {
    }
}
