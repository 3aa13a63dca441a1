package dev.parley.ingress.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
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
@RequestMapping("/api/conversations")
@Tag(name = "Conversations")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    @PostMapping
    @Operation(summary = "Create a conversation", description = "Title, default model and project are "
            + "optional; another user's project is a 404.")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationResponse create(Authentication user, @Valid @RequestBody(required = false)
            CreateConversationRequest request) {
        return conversations.create(user.getName(),
                request == null ? new CreateConversationRequest(null, null) : request);
    }

    @GetMapping
    @Operation(summary = "List my conversations", description = "Most recently active first; `projectId`: only "
            + "that project's.")
    PageResponse<ConversationResponse> list(Authentication user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String projectId) {
        return projectId == null ? conversations.list(user.getName(), page, size)
                : conversations.list(user.getName(), projectId, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a conversation")
    ConversationResponse get(Authentication user, @PathVariable String id) {
        return conversations.get(user.getName(), id);
    }
}
