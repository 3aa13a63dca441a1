package dev.parley.worker.provider.anthropic;

import static dev.parley.worker.ProviderResponses.json;
import static dev.parley.worker.ProviderResponses.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;
import dev.parley.events.ProviderKind;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.worker.Transcripts;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderResult.Outcome;
import dev.parley.worker.provider.ProviderUsage;
import dev.parley.worker.provider.http.ProviderConnections;
import dev.parley.worker.provider.http.ProviderHttp;

/** Contract tests: Anthropic Messages SSE transcripts, byte for byte, replayed by MockWebServer. */
class AnthropicProviderTest {

    static final String KEY = "sk-ant-api03-test0123456789abcdefSECRET";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ProviderRequest REQUEST = new ProviderRequest("claude-sonnet-4-5",
            List.of(new PromptMessage(Role.SYSTEM, "Be brief."), new PromptMessage(Role.SYSTEM, "Answer in English."),
                    new PromptMessage(Role.USER, "Say hello"), new PromptMessage(Role.ASSISTANT, "Hi."),
                    new PromptMessage(Role.USER, "Again")),
            0.7, 0.9, 50, List.of("\n\n"));

    final MockWebServer server = new MockWebServer();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final ProviderHttp http = new ProviderHttp(OutboundAddressPolicy.strict(), ProviderConnections.defaults());

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        http.destroy();
    }

    @Test
    void streamsTextDeltasAndReportsUsageWithCacheReadsAsInput() {
        server.enqueue(sse(Transcripts.read("anthropic-stream.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).containsExactly("Hello", "! How can I", " help you today?");
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new ProviderUsage(21 + 1024, 12, 1024, 0));
        assertThat(result.streamOpened()).isTrue();
    }

    @Test
    void sendsTheMessagesRequestWithTopLevelSystemPromptAndAnthropicHeaders() throws Exception {
        server.enqueue(sse(Transcripts.read("anthropic-stream.sse")).build());

        stream(REQUEST);

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(recorded.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(recorded.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        assertThat(body.path("model").stringValue()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("stream").booleanValue()).isTrue();
        assertThat(body.path("system").stringValue()).isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Say hello\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hi.\"},{\"role\":\"user\",\"content\":\"Again\"}]");
        assertThat(body.path("max_tokens").intValue()).isEqualTo(50);
        assertThat(body.path("temperature").doubleValue()).isEqualTo(0.7);
        assertThat(body.path("top_p").doubleValue()).isEqualTo(0.9);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"\\n\\n\"]");
    }

    @Test
    void sendsImagesAsBase64OrUrlBlocksBeforeTheText() throws Exception {
        server.enqueue(sse(Transcripts.read("anthropic-stream.sse")).build());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        var message = new PromptMessage(Role.USER, "What is in these?", List.of(
                new PromptMessage.Image("image/png", png, null),
                new PromptMessage.Image(null, null, "https://example.com/cat.jpg")));

        stream(new ProviderRequest("claude-sonnet-4-5", List.of(new PromptMessage(Role.USER, "Hi"),
                new PromptMessage(Role.ASSISTANT, "Hello."), message), null, null, 50, List.of()));

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("messages").get(0).toString()).isEqualTo("{\"role\":\"user\",\"content\":\"Hi\"}");
        assertThat(body.path("messages").get(2).toString()).isEqualTo("{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"" + java.util.Base64.getEncoder().encodeToString(png) + "\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}},"
                + "{\"type\":\"text\",\"text\":\"What is in these?\"}]}");
    }

    @Test
    void alwaysSendsMaxTokensBecauseAnthropicRequiresIt() throws Exception {
        server.enqueue(sse(Transcripts.read("anthropic-stream.sse")).build());

        stream(new ProviderRequest("claude-sonnet-4-5", List.of(new PromptMessage(Role.USER, "Hi")), null, null, null,
                List.of()));

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("max_tokens").intValue()).isEqualTo(4096);
        assertThat(body.has("system")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("top_p")).isFalse();
        assertThat(body.has("stop_sequences")).isFalse();
    }

    @Test
    void reassemblesEventsSplitAcrossReads() {
        server.enqueue(sse(null).chunkedBody(Transcripts.read("anthropic-stream.sse"), 5)
                .throttleBody(48, 2, TimeUnit.MILLISECONDS).build());

        ProviderResult result = stream(REQUEST);

        assertThat(String.join("", deltas)).isEqualTo("Hello! How can I help you today?");
        assertThat(result.usage()).isEqualTo(new ProviderUsage(1045, 12, 1024, 0));
    }

    @Test
    void skipsThinkingAndPingAndMapsMaxTokensToLength() {
        server.enqueue(sse(Transcripts.read("anthropic-stream-max-tokens-thinking.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).containsExactly("Bonjour", " le");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new ProviderUsage(230, 16, 0, 0));
    }

    @Test
    void reportsNoUsageWhenTheStreamCarriesNone() {
        server.enqueue(sse(Transcripts.read("anthropic-stream-without-usage.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.finishReason()).as("stop_sequence").isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).as("left to the tokenizer estimate").isNull();
    }

    @Test
    void failsOnAnErrorEventAfterHttp200KeepingThePartialText() {
        server.enqueue(sse(Transcripts.read("anthropic-error-after-200.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).containsExactly("Partial", " answer");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_ERROR);
        assertThat(result.error().message()).contains("Overloaded");
        assertThat(result.error().retryable()).as("overloaded is passing trouble").isTrue();
        assertThat(result.usage()).as("no output count came: estimated").isNull();
        assertThat(result.streamOpened()).isTrue();
    }

    @Test
    void anOverloadBeforeAnyTextIsARetryableFailureOfAnOpenedStream() {
        server.enqueue(sse(Transcripts.read("anthropic-overloaded-before-text.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).isEmpty();
        assertThat(result.error().retryable()).isTrue();
        assertThat(result.streamOpened()).as("the prompt reached the model: the call is billed on its own").isTrue();
    }

    @Test
    void mapsHttp429ToRateLimitedHonouringRetryAfter() {
        server.enqueue(json(429, Transcripts.read("anthropic-429.json")).addHeader("retry-after", "7").build());

        ProviderResult result = stream(REQUEST);

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_RATE_LIMITED);
        assertThat(result.error().message()).contains("HTTP 429").contains("exceed the rate limit");
        assertThat(result.error().retryable()).isTrue();
        assertThat(result.error().retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(result.streamOpened()).isFalse();
    }

    @Test
    void mapsHttp529And500ToRetryableUnavailable() {
        server.enqueue(json(529, Transcripts.read("anthropic-529.json")).build());
        server.enqueue(json(500, Transcripts.read("anthropic-500.json")).build());

        ProviderResult overloaded = stream(REQUEST);
        ProviderResult internal = stream(REQUEST);

        assertThat(overloaded.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(overloaded.error().message()).contains("HTTP 529").contains("Overloaded");
        assertThat(overloaded.error().retryable()).isTrue();
        assertThat(internal.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(internal.error().message()).contains("Internal server error");
    }

    @Test
    void aUsersOwnKeyGoesInTheApiKeyHeader() throws Exception {
        server.enqueue(sse(Transcripts.read("anthropic-stream.sse")).build());
        String userKey = "sk-ant-user-own-key-0042";

        ProviderResult result = stream(new ProviderRequest(REQUEST.model(), REQUEST.messages(), null, null, 50, null,
                userKey));

        assertThat(result.error()).isNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("x-api-key")).isEqualTo(userKey);
    }

    @Test
    void mapsHttp401ToRejectedWithoutTheKey() {
        server.enqueue(json(401, Transcripts.read("anthropic-401.json")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_REJECTED);
        assertThat(result.error().message()).contains("invalid x-api-key").doesNotContain(KEY);
        assertThat(result.error().retryable()).isFalse();
    }

    @Test
    void failsOnAnUnreadableEventAndSkipsLinesThatAreNotEvents() {
        server.enqueue(sse(Transcripts.read("anthropic-stream-garbage.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).containsExactly("Half");
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_BAD_RESPONSE);
    }

    @Test
    void failsWhenTheStreamEndsWithoutMessageStop() {
        server.enqueue(sse(Transcripts.read("anthropic-stream-truncated.sse")).build());

        ProviderResult result = stream(REQUEST);

        assertThat(deltas).containsExactly("Cut", " off");
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
    }

    private ProviderResult stream(ProviderRequest request) {
        return provider().stream(request, deltas::add, new Cancellation());
    }

    private ChatProvider provider() {
        var properties = new ProviderProperties(ProviderKind.ANTHROPIC, null, server.url("/").uri(), KEY, true,
                ProviderProperties.Timeouts.DEFAULT, ProviderProperties.Retry.DEFAULT,
                ProviderProperties.Limits.UNLIMITED, List.of(), 0, 4096, 0);
        return new AnthropicProviderFactory(http, JSON).create("anthropic", properties);
    }
}
