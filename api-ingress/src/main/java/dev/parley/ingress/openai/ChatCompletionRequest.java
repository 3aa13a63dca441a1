package dev.parley.ingress.openai;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * OpenAI's chat completion request, as far as Parley supports it; fields it does not know are ignored, so that
 * SDKs that send more still work. {@code user} is accepted and ignored: the caller is the key's owner.
 *
 * @param maxCompletionTokens wins over the older {@code max_tokens} when both are sent
 * @param stop one string or up to four
 * @param n only 1 is supported
 */
record ChatCompletionRequest(
        @NotBlank @Size(max = 200) String model,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid ChatCompletionMessage> messages,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @JsonProperty("top_p") @DecimalMin("0.0") @DecimalMax("1.0") Double topP,
        @JsonProperty("max_tokens") @Min(1) @Max(1_000_000) Integer maxTokens,
        @JsonProperty("max_completion_tokens") @Min(1) @Max(1_000_000) Integer maxCompletionTokens,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Schema(description = "A string or an array of up to 4 strings")
        @Size(max = 4) List<@NotNull @Size(max = 1000) String> stop,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        String user,
        @Min(value = 1, message = "only n=1 is supported") @Max(value = 1, message = "only n=1 is supported")
        Integer n) {

    boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** Usage is sent as a last chunk only when a streaming client asks for it, as OpenAI does. */
    boolean includeUsage() {
        return streaming() && streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    Integer effectiveMaxTokens() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }
}
