package dev.parley.bench.upstream;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of an OpenAI {@code chat.completion.chunk} stream and of a non-streamed {@code chat.completion},
 * in the exact shape OpenAI sends (role chunk, content chunks, finish chunk, usage chunk, {@code [DONE]}).
 */
final class CompletionChunks {

    private static final String[] WORDS = {" Kafka", " keeps", " each", " partition", " in", " order", ",", " so",
            " one", " request's", " tokens", " arrive", " as", " they", " were", " written", "."};

    private final String id;
    private final String model;
    private final long created;

    CompletionChunks(String id, String model, long created) {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** The token of delta {@code index}: one word, so the text reads like an answer. */
    static String word(int index) {
        return WORDS[index % WORDS.length];
    }

    byte[] role() {
        return event(choice("{\"role\":\"assistant\",\"content\":\"\"}", "null") + ",\"usage\":null");
    }

    byte[] content(int index) {
        return event(choice("{\"content\":\"" + word(index) + "\"}", "null") + ",\"usage\":null");
    }

    byte[] finish(String reason) {
        return event(choice("{}", "\"" + reason + "\"") + ",\"usage\":null");
    }

    byte[] usage(int promptTokens, int completionTokens) {
        return event("\"choices\":[]," + usageJson(promptTokens, completionTokens));
    }

    static byte[] done() {
        return "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    }

    byte[] completion(int tokens, String reason, int promptTokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            text.append(word(i));
        }
        return ("{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + created + ",\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + text + "\"},\"finish_reason\":\"" + reason + "\"}]," + usageJson(promptTokens, tokens) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String choice(String delta, String finishReason) {
        return "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]";
    }

    private byte[] event(String body) {
        return ("data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":\"" + model + "\"," + body + "}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String usageJson(int promptTokens, int completionTokens) {
        return "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}";
    }
}
