package dev.parley.ingress.conversation;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The first message of a conversation created with it: the fields of a posted message (files cannot be named yet,
 * the conversation has none).
 *
 * @param respond false: store it without asking for an answer
 */
public record FirstMessage(
        @NotBlank @Size(max = 32000) String content,
        @Size(max = 200) String model,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Min(1) @Max(10_000_000) Integer maxTokens,
        @Size(max = 2048) String webhookUrl,
        Boolean respond) {

    /** Posts a new conversation's first message; implemented by the message feature. */
    public interface Poster {

        /** @return what posting the message answers (the accepted message), or a failed future with the problem */
        CompletableFuture<Object> post(String userId, String conversationId, FirstMessage message);
    }
}
