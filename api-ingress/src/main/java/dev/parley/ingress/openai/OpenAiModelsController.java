package dev.parley.ingress.openai;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.providerkey.ProviderKeyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "OpenAI-compatible")
class OpenAiModelsController {

    private final ModelCatalog catalog;
    private final ProviderKeyService providerKeys;

    OpenAiModelsController(ModelCatalog catalog, ProviderKeyService providerKeys) {
        this.catalog = catalog;
        this.providerKeys = providerKeys;
    }

    @GetMapping("/v1/models")
    @Operation(summary = "List models (OpenAI shape)", description = "The models I may use, as `GET /api/models` "
            + "lists them (including those only my own provider keys unlock); `owned_by` is the provider that "
            + "serves the model, `created` when the provider entered the catalog.")
    ModelList models(Authentication user) {
        return new ModelList("list", catalog.models(providerKeys.providers(user.getName())).stream()
                .map(model -> new OpenAiModel(model.id(), "model", model.createdAt().getEpochSecond(),
                        model.provider()))
                .toList());
    }

    record ModelList(String object, List<OpenAiModel> data) {
    }

    record OpenAiModel(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }
}
