package dev.parley.ingress.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's non-streaming answer ({@code object: chat.completion}). */
record ChatCompletionResponse(String id, String object, long created, String model, List<Choice> choices,
        CompletionUsage usage) {

    static final String OBJECT = "chat.completion";

    static ChatCompletionResponse of(String id, long created, String model, String content, String finishReason,
            CompletionUsage usage) {
        return new ChatCompletionResponse(id, OBJECT, created, model,
                List.of(new Choice(0, new Message("assistant", content, null), null, finishReason)), usage);
    }

    record Choice(int index, Message message, Object logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    record Message(String role, String content, String refusal) {
    }
}
