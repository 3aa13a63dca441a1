package dev.parley.ingress.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.conversation.ConversationLifecycle;
import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: everyone's conversations, deleted ones included, and their restore. */
@RestController
@RequestMapping("/api/admin/conversations")
@Tag(name = "Admin")
class AdminConversationsController {

    private final ConversationLifecycle conversations;

    AdminConversationsController(ConversationLifecycle conversations) {
        this.conversations = conversations;
    }

    @GetMapping
    @Operation(summary = "List conversations", description = "Most recently active first; `deleted` true or "
            + "false filters, `userId` narrows to one user.")
    PageResponse<AdminConversationResponse> list(@RequestParam(required = false) Boolean deleted,
            @RequestParam(required = false) @Size(max = 128) String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = conversations.adminList(deleted, userId, page, size);
        return new PageResponse<>(found.items().stream().map(AdminConversationResponse::of).toList(), found.page(),
                found.size(), found.total());
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore a deleted conversation", description = "404 when it is not deleted or unknown.")
    AdminConversationResponse restore(@PathVariable String id) {
        return AdminConversationResponse.of(conversations.restore(id));
    }
}
