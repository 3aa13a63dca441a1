package dev.parley.ingress.catalogadmin;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The provider catalog, for admins (the security chain refuses everyone else with 403). */
@RestController
@RequestMapping("/api/providers")
@Tag(name = "Catalog", description = "Admin: providers and their models, context windows, output limits and prices. "
        + "Built-in providers come from configuration; their kind, base URL and key cannot change here (409 "
        + "catalog-read-only). Changes reach this instance at once and every other within "
        + "parley.catalog.refresh-interval.")
class ProvidersController {

    private final CatalogAdmin admin;

    ProvidersController(CatalogAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "List the providers", description = "With their models, whether they are usable now, and "
            + "whether a server key is stored (only its last four characters).")
    List<ProviderResponse> list() {
        return admin.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One provider")
    ProviderResponse get(@PathVariable String name) {
        return admin.get(name);
    }

    @PostMapping
    @Operation(summary = "Add a provider", description = "409 when the name exists or one of its model ids belongs "
            + "to another provider; 400 outbound-address-refused when the base URL points at an internal address.")
    ResponseEntity<ProviderResponse> create(@Valid @RequestBody ProviderRequest request) {
        ProviderResponse created = admin.create(request);
        return ResponseEntity.created(URI.create("/api/providers/" + created.name())).body(created);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Replace a provider", description = "The whole new state. `apiKey` absent keeps the stored "
            + "key, \"\" removes it, a value replaces it. With `version`, a provider changed since is a 409.")
    ProviderResponse replace(@PathVariable String name, @Valid @RequestBody ProviderRequest request) {
        return admin.replace(name, request);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a provider", description = "Its models disappear from /api/models; conversations "
            + "that default to one of them get a 400 model-unknown when they post. Built-ins cannot be deleted (409).")
    void delete(@PathVariable String name) {
        admin.delete(name);
    }

    @PutMapping("/{name}/models/{*modelId}")
    @Operation(summary = "Add or change one model", description = "The model id may contain '/': send it URL-encoded "
            + "(openai%2Fgpt-4o-mini) or as the rest of the path (.../models/openai/gpt-4o-mini).")
    ProviderResponse putModel(@PathVariable String name,
            @Parameter(description = "the model id") @PathVariable String modelId,
            @Valid @RequestBody ModelRequest request) {
        return admin.putModel(name, ModelPaths.id(modelId), request);
    }

    @DeleteMapping("/{name}/models/{*modelId}")
    @Operation(summary = "Remove one model", description = "Answers the provider as it is now.")
    ProviderResponse deleteModel(@PathVariable String name,
            @Parameter(description = "the model id") @PathVariable String modelId) {
        return admin.deleteModel(name, ModelPaths.id(modelId));
    }
}
