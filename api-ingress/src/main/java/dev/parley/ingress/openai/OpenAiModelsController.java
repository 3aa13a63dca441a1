package dev.parley.ingress.openai;

import java.time.Clock;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.ingress.catalog.ModelCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "OpenAI-compatible")
class OpenAiModelsController {

    private final ModelCatalog catalog;
    // the catalog is configuration: its models exist since this instance started
    private final long created;

    OpenAiModelsController(ModelCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.created = clock.instant().getEpochSecond();
    }

    @GetMapping("/v1/models")
    @Operation(summary = "List models (OpenAI shape)", description = "The enabled catalog models; `owned_by` is "
            + "the provider that serves the model.")
    ModelList models() {
        return new ModelList("list", catalog.models().stream()
                .map(model -> new OpenAiModel(model.id(), "model", created, model.provider()))
                .toList());
    }

    record ModelList(String object, List<OpenAiModel> data) {
    }

    record OpenAiModel(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }
}
