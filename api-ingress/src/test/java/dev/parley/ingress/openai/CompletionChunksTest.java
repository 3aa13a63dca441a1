package dev.parley.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.web.OpenAiError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompletionChunksTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StreamData.Done DONE = new StreamData.Done("m1", "LENGTH", "Hello",
            new StreamData.Usage(10, 5, 15, "PROVIDER_REPORTED"));

    final CompletionChunks chunks = new CompletionChunks("chatcmpl-r1", 1700000000L, "mock-1", true);

    static JsonNode json(Object item) {
        return JSON.valueToTree(item);
    }

    @Test
    void streamOpensWithTheAssistantRoleAndSendsEachDelta() {
        JsonNode opening = json(chunks.opening().getFirst());
        assertThat(opening.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(opening.get("id").asText()).isEqualTo("chatcmpl-r1");
        assertThat(opening.get("created").asLong()).isEqualTo(1700000000L);
        assertThat(opening.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(opening.at("/choices/0/finish_reason").isNull()).isTrue();
        assertThat(opening.has("usage")).isFalse();

        JsonNode delta = json(chunks.items(new StreamEvent(0, new StreamData.Delta("Hel"))).getFirst());
        assertThat(delta.at("/choices/0/delta/content").asText()).isEqualTo("Hel");
        assertThat(delta.at("/choices/0/delta").has("role")).isFalse();
        assertThat(delta.at("/choices/0/index").asInt()).isZero();
    }

    @Test
    void doneSendsTheFinishReasonThenUsageThenTheDoneMarker() {
        List<Object> items = chunks.items(new StreamEvent(3, DONE));

        assertThat(items).hasSize(3);
        JsonNode last = json(items.get(0));
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(last.at("/choices/0/delta").size()).isZero();
        JsonNode usage = json(items.get(1));
        assertThat(usage.get("choices").size()).isZero();
        assertThat(usage.at("/usage/prompt_tokens").asLong()).isEqualTo(10);
        assertThat(usage.at("/usage/completion_tokens").asLong()).isEqualTo(5);
        assertThat(usage.at("/usage/total_tokens").asLong()).isEqualTo(15);
        assertThat(items.get(2)).isEqualTo(CompletionChunks.DONE);
    }

    @Test
    void usageIsLeftOutUnlessAskedFor() {
        var withoutUsage = new CompletionChunks("chatcmpl-r1", 1L, "mock-1", false);

        assertThat(withoutUsage.items(new StreamEvent(3, DONE))).hasSize(2).last().isEqualTo(CompletionChunks.DONE);
    }

    @Test
    void failureEndsTheStreamWithAnOpenAiErrorAndNoDoneMarker() {
        List<Object> items = chunks.items(new StreamEvent(2, new StreamData.Failure("provider_unavailable", "down")));

        assertThat(items).containsExactly(new OpenAiError("down", "server_error", null, "provider_unavailable"));
        assertThat(json(items.getFirst()).at("/error/code").asText()).isEqualTo("provider_unavailable");
        assertThat(chunks.events(new StreamEvent(2, new StreamData.Failure("x", "y")))).hasSize(1);
    }
}
