package dev.parley.ingress.project;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @PostMapping
    @Operation(summary = "Create a project", description = "A project (agent) groups conversations that run "
            + "with its system prompt.")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectResponse create(Authentication user, @Valid @RequestBody CreateProjectRequest request) {
        return projects.create(user.getName(), request);
    }

    @GetMapping
    @Operation(summary = "List my projects", description = "Newest first.")
    PageResponse<ProjectResponse> list(Authentication user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return projects.list(user.getName(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a project")
    ProjectResponse get(Authentication user, @PathVariable String id) {
        return projects.get(user.getName(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a project", description = "Name and description; absent fields stay.")
    ProjectResponse update(Authentication user, @PathVariable String id,
            @Valid @RequestBody UpdateProjectRequest request) {
        return projects.update(user.getName(), id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a project", description = "Soft delete, with its prompts; its conversations "
            + "stay and run without a system prompt.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication user, @PathVariable String id) {
        projects.delete(user.getName(), id);
    }

    @PutMapping("/{id}/system-prompt")
    @Operation(summary = "Choose the project's system prompt", description = "Its current version leads the "
            + "context of every message sent in the project's conversations.")
    ProjectResponse systemPrompt(Authentication user, @PathVariable String id,
            @Valid @RequestBody SystemPromptRequest request) {
        return projects.chooseSystemPrompt(user.getName(), id, request.promptId());
    }
}
