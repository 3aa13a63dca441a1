package dev.parley.ingress.catalogadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ProviderDocument;
import dev.parley.platform.problem.ApiProblem;

/**
 * What a change must not break in the catalog as a whole: a model id names one provider, and the default model
 * stays usable (requests that name no model need it).
 */
final class CatalogGuard {

    private final ModelCatalog catalog;

    CatalogGuard(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param all the providers as stored now
     * @param candidate the provider's new state; null when it is deleted
     */
    void check(List<ProviderDocument> all, String name, ProviderDocument candidate) {
        List<ProviderDocument> others = all.stream().filter(document -> !document.name().equals(name)).toList();
        if (candidate != null) {
            for (ProviderDocument other : others) {
                for (ProviderDocument.ModelEntry model : candidate.models()) {
                    if (other.models().stream().anyMatch(taken -> Objects.equals(taken.id(), model.id()))) {
                        throw ApiProblem.conflict("Model '" + model.id() + "' is already offered by provider '"
                                + other.name() + "'; a model id names one provider");
                    }
                }
            }
        }
        List<ProviderDocument> after = new ArrayList<>(others);
        if (candidate != null) {
            after.add(candidate);
        }
        boolean defaultNow = catalog.prospective(all).defaultModel().isPresent();
        if (defaultNow && catalog.prospective(after).defaultModel().isEmpty()) {
            throw ApiProblem.conflict("Model '" + catalog.defaultModelId() + "' is the default model "
                    + "(parley.catalog.default-model) and must stay enabled on a usable provider");
        }
    }
}
