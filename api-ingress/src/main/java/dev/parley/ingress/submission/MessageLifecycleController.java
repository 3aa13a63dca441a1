package dev.parley.ingress.submission;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.webhook.WebhookTargets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The re-runs that branch a conversation, and switching between its branches. */
@RestController
@RequestMapping("/api/conversations/{conversationId}")
@Tag(name = "Messages")
class MessageLifecycleController {

    private final BranchService branches;
    private final WebhookTargets webhooks;

    MessageLifecycleController(BranchService branches, WebhookTargets webhooks) {
        this.branches = branches;
        this.webhooks = webhooks;
    }

    @PostMapping("/messages/{messageId}/regenerate")
    @Operation(summary = "Regenerate the last answer", description = "Asks the last answer's question again "
            + "(202 like posting); the old answer stays on its own branch. 409 when the answer is not the last "
            + "or still running. Takes a `webhookUrl` like posting.")
    CompletableFuture<ResponseEntity<MessageAcceptedResponse>> regenerate(Authentication user,
            @PathVariable String conversationId, @PathVariable String messageId,
            @Valid @RequestBody(required = false) RegenerateRequest request) {
        RegenerateRequest settings = request == null ? new RegenerateRequest(null, null, null) : request;
        webhooks.require(user.getName(), settings.webhookUrl());
        return branches.regenerate(user.getName(), conversationId, messageId, settings)
                .thenApply(accepted -> ResponseEntity.accepted().body(accepted));
    }

    @PostMapping("/messages/{messageId}/edit")
    @Operation(summary = "Edit a question and re-run from there", description = "A new branch starts with the "
            + "edited question (202 like posting, `webhookUrl` too); the old branch is kept.")
    CompletableFuture<ResponseEntity<MessageAcceptedResponse>> edit(Authentication user,
            @PathVariable String conversationId, @PathVariable String messageId,
            @Valid @RequestBody PostMessageRequest request) {
        webhooks.require(user.getName(), request.webhookUrl());
        return branches.edit(user.getName(), conversationId, messageId, request)
                .thenApply(accepted -> ResponseEntity.accepted().body(accepted));
    }

    @PostMapping("/branches/{leafMessageId}/activate")
    @Operation(summary = "Switch the current branch", description = "The branch that ends with the message "
            + "becomes the one listed and continued.")
    BranchResponse activate(Authentication user, @PathVariable String conversationId,
            @PathVariable String leafMessageId) {
        return branches.activate(user.getName(), conversationId, leafMessageId);
    }
}
