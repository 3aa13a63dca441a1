package dev.parley.ingress.catalogadmin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.ingress.catalog.CatalogKeySealer;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Turns checked requests into the next provider document; nothing here writes. */
final class ProviderChanges {

    private final CatalogKeySealer sealer;

    ProviderChanges(CatalogKeySealer sealer) {
        this.sealer = sealer;
    }

    ProviderDocument created(ProviderRequest request, Instant now) {
        ProviderDocument.StoredKey key = ProviderRules.blank(request.apiKey()) ? null
                : sealer.seal(request.name(), request.apiKey());
        return new ProviderDocument(request.name(), request.kind(), baseUrl(request), enabled(request), false, key,
                entries(request), now, now, 0, request.ownKeys());
    }

    /** A built-in's kind, address and key are its configuration's: only its models and switch change here. */
    ProviderDocument replaced(ProviderDocument current, ProviderRequest request, Instant now) {
        if (current.builtIn()) {
            boolean sameKind = current.kind().equals(request.kind());
            boolean sameUrl = request.baseUrl() == null || request.baseUrl().strip().equals(current.baseUrl());
            if (!sameKind || !sameUrl || request.apiKey() != null) {
                throw new ApiProblem(ProblemKind.CATALOG_READ_ONLY, "Provider '" + current.name()
                        + "' is built in: its kind, base URL and key are set by configuration; only its models and "
                        + "enabled flag can change");
            }
        }
        ProviderDocument.StoredKey key = request.apiKey() == null ? current.apiKey()
                : request.apiKey().isEmpty() ? null : sealer.seal(current.name(), request.apiKey());
        return current.next(request.kind(), current.builtIn() ? current.baseUrl() : baseUrl(request),
                enabled(request), key, entries(request), now,
                current.builtIn() ? current.ownKeys() : request.ownKeys());
    }

    /** Replaces the model of that id where it is, or adds it last. */
    static ProviderDocument withModel(ProviderDocument current, ProviderDocument.ModelEntry model, Instant now) {
        List<ProviderDocument.ModelEntry> models = new ArrayList<>(current.models());
        int index = indexOf(models, model.id());
        if (index >= 0) {
            models.set(index, model);
        } else {
            models.add(model);
        }
        return current.withModels(models, now);
    }

    static ProviderDocument withoutModel(ProviderDocument current, String modelId, Instant now) {
        List<ProviderDocument.ModelEntry> models = new ArrayList<>(current.models());
        if (!models.removeIf(model -> modelId.equals(model.id()))) {
            throw ApiProblem.notFound("Provider '" + current.name() + "' has no model '" + modelId + "'");
        }
        return current.withModels(models, now);
    }

    static ProviderDocument withPrices(ProviderDocument current, String modelId, ModelPrices prices, Instant now) {
        ProviderDocument.ModelEntry model = current.models().get(indexOf(current.models(), modelId));
        return withModel(current, new ProviderDocument.ModelEntry(model.id(), model.displayName(),
                model.contextWindow(), model.maxOutputTokens(), prices, model.enabled(), model.vision()), now);
    }

    private static int indexOf(List<ProviderDocument.ModelEntry> models, String modelId) {
        for (int index = 0; index < models.size(); index++) {
            if (Objects.equals(models.get(index).id(), modelId)) {
                return index;
            }
        }
        return -1;
    }

    private static String baseUrl(ProviderRequest request) {
        return ProviderRules.blank(request.baseUrl()) ? null : request.baseUrl().strip();
    }

    private static boolean enabled(ProviderRequest request) {
        return request.enabled() == null || request.enabled();
    }

    private static List<ProviderDocument.ModelEntry> entries(ProviderRequest request) {
        return request.modelsOrNone().stream().map(model -> model.entry(model.id())).toList();
    }
}
