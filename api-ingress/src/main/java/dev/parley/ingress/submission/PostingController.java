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

/**
 * Posting a message and cancelling its answer. Both answer the request thread at once: the futures complete when
 * Kafka acknowledged.
 */
@RestController
@RequestMapping("/api/conversations/{conversationId}/messages")
@Tag(name = "Messages")
class PostingController {

    private final ChatRequestService chatRequests;
    private final CancelService cancels;
    private final WebhookTargets webhooks;
    private final QuestionNotes notes;

    PostingController(ChatRequestService chatRequests, CancelService cancels, WebhookTargets webhooks,
            QuestionNotes notes) {
        this.notes = notes;
        this.chatRequests = chatRequests;
        this.cancels = cancels;
        this.webhooks = webhooks;
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
