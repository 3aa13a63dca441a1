package dev.parley.worker.provider.anthropic;

import java.util.ArrayList;
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

    /**
     * @param content a string, or for a message with images Anthropic's array of content blocks: the images first
     *        (as Anthropic recommends), then the text
     */
    record Message(String role, Object content) {

        static Message of(PromptMessage message) {
            if (message.images().isEmpty()) {
                return new Message(message.role().wireName(), message.content());
            }
            List<Object> blocks = new ArrayList<>();
            for (PromptMessage.Image image : message.images()) {
                blocks.add(new ImageBlock("image", image.data() != null
                        ? new ImageSource("base64", image.mediaType(), image.base64(), null)
                        : new ImageSource("url", null, null, image.url())));
            }
            blocks.add(new TextBlock("text", message.content()));
            return new Message(message.role().wireName(), blocks);
        }
    }

    record TextBlock(String type, String text) {
    }

    record ImageBlock(String type, ImageSource source) {
    }

    /** {@code base64} with the media type and data, or {@code url}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageSource(String type, @JsonProperty("media_type") String mediaType, String data, String url) {
    }

    static MessagesBody of(ProviderRequest request, int defaultMaxTokens) {
        String system = request.messages().stream()
                .filter(message -> message.role() == Role.SYSTEM)
                .map(PromptMessage::content)
                .collect(Collectors.joining("\n\n"));
        List<Message> messages = request.messages().stream()
                .filter(message -> message.role() != Role.SYSTEM)
                .map(Message::of)
                .toList();
        return new MessagesBody(request.model(), request.maxTokens() == null ? defaultMaxTokens : request.maxTokens(),
                system.isEmpty() ? null : system, messages, true, request.temperature(), request.topP(),
                request.stop().isEmpty() ? null : request.stop());
    }
}
