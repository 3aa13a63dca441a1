package dev.parley.ingress.catalogadmin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.events.ProviderKind;
import dev.parley.events.ProviderKinds;
import dev.parley.ingress.catalog.ProviderKindRules;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.outbound.OutboundAddressException;
import dev.parley.platform.outbound.OutboundAddressPolicy;

/**
 * The checks of a provider change that bean validation cannot express: fields that depend on each other, model
 * ids, and whether the base URL may be called. All field errors come in one problem.
 */
final class ProviderRules {

    private final OutboundAddressPolicy policy;

    ProviderRules(OutboundAddressPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param pathName the provider the path names when replacing; null when creating
     * @param builtIn replacing a built-in, whose address is the worker's configuration
     */
    void check(ProviderRequest request, String pathName, boolean builtIn) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (pathName == null && request.name() == null) {
            errors.add(error("name", "is required"));
        }
        if (pathName != null && request.name() != null && !request.name().equals(pathName)) {
            errors.add(error("name", "must be absent or the name in the path"));
        }
        ProviderKind kind = ProviderKindRules.of(request.kind());
        if (ProviderKindRules.requiresBaseUrl(kind) && blank(request.baseUrl()) && !builtIn) {
            errors.add(error("baseUrl", "is required for " + ProviderKinds.wireName(kind)));
        }
        if (!ProviderKindRules.allowsBaseUrl(kind) && !blank(request.baseUrl())) {
            errors.add(error("baseUrl", "must be absent for " + ProviderKinds.wireName(kind)));
        }
        if (!ProviderKindRules.takesKey(kind) && !blank(request.apiKey())) {
            errors.add(error("apiKey", "must be absent for " + ProviderKinds.wireName(kind)));
        }
        if (Boolean.TRUE.equals(request.ownKeys()) && !ProviderKindRules.takesKey(kind)) {
            errors.add(error("ownKeys", "must be absent or false for " + ProviderKinds.wireName(kind)));
        }
        if (Boolean.FALSE.equals(request.ownKeys()) && ProviderKinds.needsKey(kind)) {
            errors.add(error("ownKeys", "must be absent or true for " + ProviderKinds.wireName(kind) + ", whose API takes keys"));
        }
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < request.modelsOrNone().size(); index++) {
            ModelRequest model = request.modelsOrNone().get(index);
            String field = "models[" + index + "]";
            if (model.id() == null) {
                errors.add(error(field + ".id", "is required"));
            } else if (!ids.add(model.id())) {
                errors.add(error(field + ".id", "is listed twice"));
            }
            errors.addAll(limits(model, field + "."));
        }
        throwIfAny(errors);
        // a built-in's address is the worker's configuration: any given here is refused as read-only
        if (!blank(request.baseUrl()) && !builtIn) {
            checkAddress(request.baseUrl().strip());
        }
    }

    /** A single model named by the path. */
    void check(String modelId, ModelRequest model) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (modelId.length() > 200 || !modelId.matches(ModelRequest.MODEL_ID)) {
            errors.add(error("modelId", ModelRequest.MODEL_ID_RULE));
        }
        if (model.id() != null && !model.id().equals(modelId)) {
            errors.add(error("id", "must be absent or the model id in the path"));
        }
        errors.addAll(limits(model, ""));
        throwIfAny(errors);
    }

    private static List<Map<String, String>> limits(ModelRequest model, String prefix) {
        if (model.maxOutputTokens() != null && model.contextWindow() != null
                && model.maxOutputTokens() >= model.contextWindow()) {
            return List.of(error(prefix + "maxOutputTokens", "must be below contextWindow, which also holds the input"));
        }
        return List.of();
    }

    private void checkAddress(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw ApiProblem.validation("baseUrl", "is not a URL");
        }
        try {
            policy.check(uri);
        } catch (OutboundAddressException e) {
            throw new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED, e.getMessage()).with("field", "baseUrl");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void throwIfAny(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemKind.VALIDATION, "The request has invalid fields").with("errors", errors);
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
