package dev.parley.worker.provider.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.worker.provider.PromptMessage;
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
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        List<String> stop) {

    /** @param content a string, or for a message with images OpenAI's array of text and image_url parts */
    record Message(String role, Object content) {

        static Message of(PromptMessage message) {
            if (message.images().isEmpty()) {
                return new Message(message.role().wireName(), message.content());
            }
            List<Object> parts = new ArrayList<>();
            parts.add(new TextPart("text", message.content()));
            for (PromptMessage.Image image : message.images()) {
                parts.add(new ImagePart("image_url", new ImageUrl(image.dataUrlOrUrl())));
            }
            return new Message(message.role().wireName(), parts);
        }
    }

    record TextPart(String type, String text) {
    }

    record ImagePart(String type, @JsonProperty("image_url") ImageUrl imageUrl) {
    }

    record ImageUrl(String url) {
    }

    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /**
     * @param completionTokens send the limit as {@code max_completion_tokens}: OpenAI's reasoning models refuse
     *        {@code max_tokens}, while many compatible servers know only {@code max_tokens}
     */
    static ChatCompletionBody of(ProviderRequest request, boolean completionTokens) {
        List<Message> messages = request.messages().stream()
                .map(Message::of)
                .toList();
        return new ChatCompletionBody(request.model(), messages, true, new StreamOptions(true), request.temperature(),
                request.topP(), completionTokens ? null : request.maxTokens(),
                completionTokens ? request.maxTokens() : null, request.stop().isEmpty() ? null : request.stop());
    }
}
