package dev.parley.worker.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.worker.provider.ProviderRequest;

/** The JSON body of a streaming {@code POST /chat/completions}; unset parameters are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatCompletionBody(
        String model,
        List<Message> messages,
        boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("max_tokens") Integer maxTokens,
        List<String> stop) {

    record Message(String role, String content) {
    }

    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    static ChatCompletionBody of(ProviderRequest request) {
        List<Message> messages = request.messages().stream()
                .map(message -> new Message(message.role().wireName(), message.content()))
                .toList();
        return new ChatCompletionBody(request.model(), messages, true, new StreamOptions(true), request.temperature(),
                request.topP(), request.maxTokens(), request.stop().isEmpty() ? null : request.stop());
    }
}
