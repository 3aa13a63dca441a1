package dev.parley.ingress.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Tokens of one completion, as OpenAI reports them. */
record CompletionUsage(
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("total_tokens") long totalTokens) {
}
