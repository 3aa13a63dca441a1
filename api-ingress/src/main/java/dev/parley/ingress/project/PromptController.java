package dev.parley.ingress.project;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/projects/{projectId}/prompts")
@Tag(name = "Projects")
class PromptController {

    private final PromptService prompts;

    PromptController(PromptService prompts) {
        this.prompts = prompts;
    }

    @PostMapping
    @Operation(summary = "Create a prompt", description = "Its content is version 1.")
    @ResponseStatus(HttpStatus.CREATED)
    PromptResponse create(Authentication user, @PathVariable String projectId,
            @Valid @RequestBody CreatePromptRequest request) {
        return prompts.create(user.getName(), projectId, request);
    }

    @GetMapping
    @Operation(summary = "List a project's prompts", description = "Newest first, each with its current content.")
    PageResponse<PromptResponse> list(Authentication user, @PathVariable String projectId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return prompts.list(user.getName(), projectId, page, size);
    }

    @GetMapping("/{promptId}")
    @Operation(summary = "Get a prompt", description = "With its current version's content.")
    PromptResponse get(Authentication user, @PathVariable String projectId, @PathVariable String promptId) {
        return prompts.get(user.getName(), projectId, promptId);
    }

    @PatchMapping("/{promptId}")
    @Operation(summary = "Change a prompt", description = "A content makes a new version (409 when another "
            + "change made one meanwhile); a name renames.")
    PromptResponse update(Authentication user, @PathVariable String projectId, @PathVariable String promptId,
            @Valid @RequestBody UpdatePromptRequest request) {
        return prompts.update(user.getName(), projectId, promptId, request);
    }

    @DeleteMapping("/{promptId}")
    @Operation(summary = "Delete a prompt", description = "Soft delete; a project whose system prompt it was "
            + "runs without one.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication user, @PathVariable String projectId, @PathVariable String promptId) {
        prompts.delete(user.getName(), projectId, promptId);
    }

    @GetMapping("/{promptId}/versions")
    @Operation(summary = "List a prompt's versions", description = "Oldest first, one page (`page`, `size` up to "
            + "100, which is also the default).")
    List<PromptVersionResponse> versions(Authentication user, @PathVariable String projectId,
            @PathVariable String promptId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size) {
        return prompts.versions(user.getName(), projectId, promptId, page, size);
    }

    @GetMapping("/{promptId}/versions/{version}")
    @Operation(summary = "Get one version of a prompt")
    PromptVersionResponse version(Authentication user, @PathVariable String projectId,
            @PathVariable String promptId, @PathVariable @Min(1) int version) {
        return prompts.version(user.getName(), projectId, promptId, version);
    }
}
