package dev.parley.ingress.conversation;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/conversations/{id}")
@Tag(name = "Conversations")
class ConversationLifecycleController {

    private final ConversationLifecycle lifecycle;

    ConversationLifecycleController(ConversationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PatchMapping
    @Operation(summary = "Change a conversation", description = "Title, default model (from the catalog) and "
            + "default temperature (0..2) of later messages; absent fields stay as they are.")
    ConversationResponse update(Authentication user, @PathVariable String id,
            @Valid @RequestBody UpdateConversationRequest request) {
        return lifecycle.update(user.getName(), id, request);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a conversation", description = "It disappears from every read; an admin can "
            + "restore it.")
    void delete(Authentication user, @PathVariable String id) {
        lifecycle.delete(user.getName(), id);
    }
}
