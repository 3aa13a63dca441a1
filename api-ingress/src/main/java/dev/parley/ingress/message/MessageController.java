package dev.parley.ingress.message;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reading a conversation's messages: listing a branch or all of them, and polling one. */
@RestController
@RequestMapping("/api/conversations/{conversationId}/messages")
@Tag(name = "Messages")
class MessageController {

    private final MessageQueries queries;

    MessageController(MessageQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List a conversation's messages", description = "The current branch, oldest first; "
            + "`branch=all`: every message of every branch, each with its `parentId`.")
    PageResponse<MessageResponse> list(Authentication user, @PathVariable String conversationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "current") @Pattern(regexp = "current|all") String branch) {
        return "all".equals(branch) ? queries.listAll(user.getName(), conversationId, page, size)
                : queries.list(user.getName(), conversationId, page, size);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "Get one message", description = "Poll an answer: its status, and its content once "
            + "finished; with its webhook's delivery when it asked for one.")
    MessageResponse get(Authentication user, @PathVariable String conversationId, @PathVariable String messageId) {
        return queries.get(user.getName(), conversationId, messageId);
    }
}
