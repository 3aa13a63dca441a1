package dev.parley.ingress.submission;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A user's message; model and generation parameters are optional.
 *
 * @param webhookUrl receives the finished answer, signed (see ingress.webhook); null: no webhook
 * @param attachmentIds files uploaded to the conversation that go with the message (their text, or images for
 *        models that take them)
 * @param respond false: store the message without asking for an answer (the next answer has it in its context)
 * @param maxTokens at most the model's {@code maxOutputTokens} (checked once the model is known), which applies
 *        when absent
 */
record PostMessageRequest(
        @NotBlank @Size(max = 32000) String content,
        @Size(max = 200) String model,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Min(1) @Max(10_000_000) Integer maxTokens,
        @Size(max = 2048) String webhookUrl,
        @Size(max = 100) List<@NotBlank @Size(max = 64) String> attachmentIds,
        Boolean respond) {

    PostMessageRequest {
        attachmentIds = attachmentIds == null ? List.of() : attachmentIds;
    }

    PostMessageRequest(String content, String model, Double temperature, Integer maxTokens, String webhookUrl,
            List<String> attachmentIds) {
        this(content, model, temperature, maxTokens, webhookUrl, attachmentIds, null);
    }

    /** Whether the message asks for an answer; {@code "respond": false} only stores it. */
    boolean answered() {
        return respond == null || respond;
    }

    PostMessageRequest(String content, String model, Double temperature, Integer maxTokens) {
        this(content, model, temperature, maxTokens, null);
    }

    PostMessageRequest(String content, String model, Double temperature, Integer maxTokens, String webhookUrl) {
        this(content, model, temperature, maxTokens, webhookUrl, List.of());
    }
}
