package dev.parley.ingress.message;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.web.PageResponse;
import dev.parley.ingress.webhook.WebhookTargets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Posting and cancelling answer the request thread at once: the futures complete when Kafka acknowledged. */
@RestController
@RequestMapping("/api/conversations/{conversationId}/messages")
@Tag(name = "Messages")
class MessageController {

    private final MessageQueries queries;
    private final ChatRequestService chatRequests;
    private final CancelService cancels;
    private final WebhookTargets webhooks;
    private final QuestionNotes notes;

    MessageController(MessageQueries queries, ChatRequestService chatRequests, CancelService cancels,
            WebhookTargets webhooks, QuestionNotes notes) {
        this.notes = notes;
        this.queries = queries;
        this.chatRequests = chatRequests;
        this.cancels = cancels;
        this.webhooks = webhooks;
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

    @PostMapping
    @Operation(summary = "Post a message", description = "Answers 202 once the request is queued; the answer "
            + "streams from `streamUrl`. Refused with 402 when the token balance is used up. With `webhookUrl` "
            + "the finished answer is also POSTed there, signed with your webhook secret (create one first; "
            + "400 `webhook-secret-missing` otherwise); an internal address is refused with 400 "
            + "`outbound-address-refused`. `attachmentIds` name files uploaded to the conversation. With "
            + "`\"respond\": false` the message is only stored (201 with `userMessageId`): no answer, nothing "
            + "reserved; the next answer has it in its context.")
    CompletableFuture<ResponseEntity<MessageAcceptedResponse>> post(Authentication user,
            @PathVariable String conversationId, @Valid @RequestBody PostMessageRequest request) {
        if (!request.answered()) {
            return CompletableFuture.completedFuture(ResponseEntity.status(201)
                    .body(notes.store(user.getName(), conversationId, request)));
        }
        webhooks.require(user.getName(), request.webhookUrl());
        return chatRequests.post(user.getName(), conversationId, request)
                .thenApply(accepted -> ResponseEntity.accepted().body(accepted));
    }

    @PostMapping("/{messageId}/cancel")
    @Operation(summary = "Stop generating an answer")
    CompletableFuture<ResponseEntity<CancelResponse>> cancel(Authentication user,
            @PathVariable String conversationId, @PathVariable String messageId) {
        return cancels.cancel(user.getName(), conversationId, messageId)
                .thenApply(cancel -> ResponseEntity.accepted().body(cancel));
    }
}
