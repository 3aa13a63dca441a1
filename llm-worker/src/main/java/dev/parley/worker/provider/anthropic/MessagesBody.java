package dev.parley.worker.provider.anthropic;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.ProviderRequest;

/**
 * The JSON body of a streaming {@code POST /v1/messages}. Anthropic takes the system prompt as a top-level
 * field rather than as a message, and requires {@code max_tokens}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessagesBody(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        String system,
        List<Message> messages,
        boolean stream,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("stop_sequences") List<String> stopSequences) {

    record Message(String role, String content) {
    }

    static MessagesBody of(ProviderRequest request, int defaultMaxTokens) {
        String system = request.messages().stream()
                .filter(message -> message.role() == Role.SYSTEM)
                .map(PromptMessage::content)
                .collect(Collectors.joining("\n\n"));
        List<Message> messages = request.messages().stream()
                .filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new Message(message.role().wireName(), message.content()))
                .toList();
        return new MessagesBody(request.model(), request.maxTokens() == null ? defaultMaxTokens : request.maxTokens(),
                system.isEmpty() ? null : system, messages, true, request.temperature(), request.topP(),
                request.stop().isEmpty() ? null : request.stop());
    }
}
