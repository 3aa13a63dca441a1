package dev.parley.ingress.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Models")
class ModelsController {

    private final ModelCatalog catalog;

    ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/models")
    @Operation(summary = "List the models I may use")
    List<ModelResponse> models() {
        return catalog.models().stream().map(ModelResponse::of).toList();
    }
}
