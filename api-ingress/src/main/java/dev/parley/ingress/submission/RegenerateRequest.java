package dev.parley.ingress.submission;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Settings of another answer; absent ones fall back to the conversation's defaults, like a posted message.
 *
 * @param webhookUrl receives the new answer when it finishes; not taken over from the old answer
 */
record RegenerateRequest(
        @Size(max = 200) String model,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Min(1) @Max(10_000_000) Integer maxTokens,
        @Size(max = 2048) String webhookUrl) {

    RegenerateRequest(String model, Double temperature, Integer maxTokens) {
        this(model, temperature, maxTokens, null);
    }
}
