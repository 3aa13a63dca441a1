package dev.parley.ingress.catalog;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Models")
class ModelsController {

    private final ModelCatalog catalog;
    private final OwnKeys ownKeys;

    ModelsController(ModelCatalog catalog, OwnKeys ownKeys) {
        this.catalog = catalog;
        this.ownKeys = ownKeys;
    }

    @GetMapping("/api/models")
    @Operation(summary = "List the models I may use", description = "The enabled models of usable providers, plus "
            + "those of providers the server has no key for but I have stored my own key for. `ownKey`: the request "
            + "would run on my key (mine wins over the server's). Prices are credits per 1,000,000 tokens.")
    List<ModelResponse> models(Authentication user) {
        Set<String> mine = ownKeys.providers(user.getName());
        return catalog.models(mine).stream()
                .map(model -> ModelResponse.of(model, mine.contains(model.provider())))
                .toList();
    }
}
