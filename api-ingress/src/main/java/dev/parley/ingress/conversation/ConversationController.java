package dev.parley.ingress.conversation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/conversations")
@Tag(name = "Conversations")
class ConversationController {

    private final ConversationService conversations;
    private final FirstMessage.Poster firstMessages;

    ConversationController(ConversationService conversations, FirstMessage.Poster firstMessages) {
        this.conversations = conversations;
        this.firstMessages = firstMessages;
    }

    @PostMapping
    @Operation(summary = "Create a conversation", description = "Title, default model and project are "
            + "optional; another user's project is a 404. With `message` ({content, model?, temperature?, "
            + "maxTokens?, webhookUrl?, respond?}) the first message is posted in the same call: the answer "
            + "holds the conversation with `message` as posting it answers (`messageId`, `userMessageId`, "
            + "`requestId`, `streamUrl`). When the message is refused (402, 429, 400, ...) nothing is created and "
            + "the refusal is the answer.")
    CompletableFuture<ResponseEntity<ConversationResponse>> create(Authentication user,
            @Valid @RequestBody(required = false) CreateConversationRequest request) {
        CreateConversationRequest asked = request == null ? new CreateConversationRequest(null, null) : request;
        ConversationResponse created = conversations.create(user.getName(), asked);
        if (asked.message() == null) {
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.CREATED).body(created));
        }
        CompletableFuture<Object> posted;
        try {
            posted = firstMessages.post(user.getName(), created.id(), asked.message());
        } catch (RuntimeException refused) {
            posted = CompletableFuture.failedFuture(refused);
        }
        return posted.handle((message, failure) -> {
            if (failure != null) {
                conversations.discard(user.getName(), created.id());
                throw failure instanceof CompletionException && failure.getCause() != null
                        ? rethrow(failure.getCause()) : rethrow(failure);
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(created.withMessage(message));
        });
    }

    private static RuntimeException rethrow(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
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
