package dev.parley.ingress.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One streamed piece of an answer ({@code object: chat.completion.chunk}). {@code finish_reason} is sent as null
 * until the last content chunk, as OpenAI does; usage only appears in the final, choice-less chunk.
 */
record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) CompletionUsage usage) {

    static final String OBJECT = "chat.completion.chunk";

    record Choice(int index, Delta delta, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }
}
