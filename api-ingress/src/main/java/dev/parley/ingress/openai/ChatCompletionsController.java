package dev.parley.ingress.openai;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@EnableConfigurationProperties(OpenAiProperties.class)
@Tag(name = "OpenAI-compatible", description = "OpenAI's chat completions API, for unmodified OpenAI SDKs "
        + "(base URL <host>/v1, a Parley API key as the API key). Errors use OpenAI's error shape.")
class ChatCompletionsController {

    // beyond the service's own completion timeout, which answers first with a proper error
    private static final long TIMEOUT_MARGIN_MILLIS = 30_000;

    private final ChatCompletionService completions;
    private final OpenAiProperties properties;

    ChatCompletionsController(ChatCompletionService completions, OpenAiProperties properties) {
        this.completions = completions;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a chat completion", description = "Runs through the same pipeline as a posted "
            + "message, statelessly: nothing is stored, the client keeps the context. With `stream: true` the answer "
            + "streams as `chat.completion.chunk` events ending with `data: [DONE]`.")
    @ApiResponse(responseCode = "200", description = "The answer", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatCompletionResponse.class)),
            @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ChatCompletionChunk.class))})
    DeferredResult<Object> create(Authentication user, @Valid @RequestBody ChatCompletionRequest request) {
        var result = new DeferredResult<Object>(properties.completionTimeout().toMillis() + TIMEOUT_MARGIN_MILLIS);
        var clientGone = new CompletableFuture<Void>();
        result.onError(error -> clientGone.complete(null));
        completions.complete(user.getName(), request, clientGone).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.setErrorResult(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                result.setResult(answer);
            }
        });
        return result;
    }
}
