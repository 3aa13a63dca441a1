package dev.parley.bench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockUpstreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockUpstream upstream = MockUpstream.start(0, new StreamShape(3, 0, 0));
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void streamsOpenAiChunksThenTheUsageChunkAndDone() throws IOException {
        List<String> events = stream("{\"model\":\"bench-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}");

        assertThat(events).hasSize(7);
        assertThat(JSON.readTree(events.get(0)).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(events.subList(1, 4)).extracting(e -> JSON.readTree(e).at("/choices/0/delta/content").asString())
                .containsExactly(CompletionChunks.word(0), CompletionChunks.word(1), CompletionChunks.word(2));
        assertThat(JSON.readTree(events.get(4)).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = JSON.readTree(events.get(5)).path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(usage.path("prompt_tokens").asInt() + 3);
        assertThat(events.get(6)).isEqualTo("[DONE]");
    }

    @Test
    void withoutIncludeUsageNoUsageChunkAndMaxTokensCutsTheAnswer() throws IOException {
        upstream.shape(new StreamShape(10, 0, 0));

        List<String> events = stream("{\"model\":\"m\",\"stream\":true,\"max_tokens\":2,\"messages\":[]}");

        assertThat(events).hasSize(5).noneMatch(e -> e.contains("\"usage\":{"));
        assertThat(JSON.readTree(events.get(3)).at("/choices/0/finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void answersWithoutStreamingInOneCompletion() throws IOException {
        try (Response response = post("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")) {
            JsonNode body = JSON.readTree(response.body().string());

            assertThat(body.path("object").asString()).isEqualTo("chat.completion");
            assertThat(body.at("/choices/0/message/content").asString())
                    .isEqualTo(CompletionChunks.word(0) + CompletionChunks.word(1) + CompletionChunks.word(2));
            assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theShapeChangesOverHttp() throws IOException {
        Request put = new Request.Builder().url("http://127.0.0.1:" + upstream.port() + "/bench/shape")
                .put(RequestBody.create("{\"deltas\":5,\"delayMillis\":2,\"firstTokenDelayMillis\":1}",
                        MediaType.get("application/json"))).build();
        try (Response response = http.newCall(put).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(upstream.shape()).isEqualTo(new StreamShape(5, 2, 1));
    }

    private List<String> stream(String body) throws IOException {
        List<String> events = new ArrayList<>();
        try (Response response = post(body)) {
            assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
            EventSources.processResponse(response, new EventSourceListener() {
                @Override
                public void onEvent(EventSource source, String id, String type, String data) {
                    events.add(data);
                }
            });
        }
        return events;
    }

    private Response post(String body) throws IOException {
        return http.newCall(new Request.Builder().url("http://127.0.0.1:" + upstream.port() + "/v1/chat/completions")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute();
    }
}
