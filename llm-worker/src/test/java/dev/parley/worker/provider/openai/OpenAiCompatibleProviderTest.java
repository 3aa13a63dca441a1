package dev.parley.worker.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
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

/** Contract tests: real-format SSE transcripts replayed by MockWebServer against the OpenAI-compatible client. */
class OpenAiCompatibleProviderTest {

    static final String KEY = "sk-test-0123456789abcdefSECRET";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ProviderRequest REQUEST = new ProviderRequest("gpt-4o-mini",
            List.of(new PromptMessage(Role.SYSTEM, "Be brief."), new PromptMessage(Role.USER, "Say hello")),
            0.7, 0.9, 50, List.of("\n\n"));

    final MockWebServer server = new MockWebServer();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final ProviderHttp http = new ProviderHttp(OutboundAddressPolicy.strict(), ProviderConnections.defaults());
    final OpenAiProviderFactory factory = new OpenAiProviderFactory(http, JSON);
    final CountDownLatch testEnded = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        testEnded.countDown();
        server.close();
        http.destroy();
    }

    @Test
    void streamsDeltasAndReportsTheUsageChunk() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("Hello", "!", " How", " can", " I", " help", " you", " today", "?");
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new ProviderUsage(19, 10, 6, 2));
        assertThat(result.streamOpened()).isTrue();
    }

    @Test
    void sendsTheOpenAiStreamingRequestWithTheBearerKey() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());

        provider().stream(REQUEST, deltas::add, new Cancellation());

        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(recorded.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        assertThat(body.path("model").stringValue()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("stream").booleanValue()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").booleanValue()).isTrue();
        assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Say hello\"}]");
        assertThat(body.path("temperature").doubleValue()).isEqualTo(0.7);
        assertThat(body.path("top_p").doubleValue()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").intValue()).isEqualTo(50);
        assertThat(body.path("stop").toString()).isEqualTo("[\"\\n\\n\"]");
    }

    @Test
    void sendsImagesAsImageUrlPartsAfterTheText() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9, 8, 7};
        var message = new PromptMessage(Role.USER, "Describe them", List.of(
                new PromptMessage.Image("image/jpeg", jpeg, null),
                new PromptMessage.Image(null, null, "https://example.com/dog.png")));

        provider().stream(new ProviderRequest("gpt-4o-mini", List.of(new PromptMessage(Role.SYSTEM, "Be brief."),
                message), null, null, 50, List.of()), deltas::add, new Cancellation());

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe them\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64,"
                + java.util.Base64.getEncoder().encodeToString(jpeg) + "\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/dog.png\"}}]}]");
    }

    @Test
    void leavesUnsetParametersOut() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());

        provider().stream(new ProviderRequest("gpt-4o-mini", REQUEST.messages(), null, null, null, List.of()),
                deltas::add, new Cancellation());

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("top_p")).isFalse();
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("stop")).isFalse();
    }

    @Test
    void reassemblesFramesSplitAcrossReads() throws Exception {
        String transcript = transcript("openai-stream-with-usage.sse");
        server.enqueue(sse(null).chunkedBody(transcript, 7).throttleBody(64, 2, TimeUnit.MILLISECONDS).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(String.join("", deltas)).isEqualTo("Hello! How can I help you today?");
        assertThat(result.usage()).isEqualTo(new ProviderUsage(19, 10, 6, 2));
    }

    @Test
    void ignoresKeepAliveCommentsAndReadsUsageFromTheLastContentChunk() throws Exception {
        server.enqueue(sse(transcript("openrouter-stream-keepalive.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("Bonjour", " le", " monde");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(ProviderUsage.of(12, 3));
    }

    @Test
    void reportsNoUsageWhenTheProviderSendsNone() throws Exception {
        server.enqueue(sse(transcript("openai-stream-without-usage.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(String.join("", deltas)).isEqualTo("Hello! How can I help you today?");
        assertThat(result.usage()).as("left to the tokenizer estimate").isNull();
        assertThat(result.streamOpened()).isTrue();
    }

    @Test
    void failsOnAnErrorObjectAfterHttp200AndKeepsThePartialText() throws Exception {
        server.enqueue(sse(transcript("openrouter-error-after-200.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("Partial", " answer");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_ERROR);
        assertThat(result.error().message()).contains("Provider disconnected unexpectedly");
        assertThat(result.streamOpened()).isTrue();
    }

    @Test
    void mapsHttp429ToRateLimitedWithTheProviderMessage() throws Exception {
        server.enqueue(json(429, transcript("openai-429.json")));

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_RATE_LIMITED);
        assertThat(result.error().message()).contains("HTTP 429").contains("Rate limit reached for gpt-4o-mini");
        assertThat(result.streamOpened()).as("a rejected call consumes no tokens").isFalse();
        assertThat(deltas).isEmpty();
    }

    @Test
    void mapsHttp500ToUnavailable() throws Exception {
        server.enqueue(json(500, transcript("openai-500.json")));

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(result.error().message()).contains("HTTP 500").contains("The server had an error");
    }

    @Test
    void aUsersOwnKeyReplacesTheServersAndNeverShowsInErrors() throws Exception {
        String userKey = "sk-user-own-9876543210zyxwvuts";
        server.enqueue(json(401, """
                {"error":{"message":"Incorrect API key provided: %s.","type":"invalid_request_error",                "code":"invalid_api_key"}}""".formatted(userKey)));
        ProviderRequest own = new ProviderRequest(REQUEST.model(), REQUEST.messages(), null, null, null, null,
                userKey);

        ProviderResult result = provider().stream(own, deltas::add, new Cancellation());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + userKey);
        assertThat(result.error().message()).contains("Incorrect API key provided").doesNotContain(userKey)
                .doesNotContain("9876543210");
        assertThat(own.toString()).doesNotContain(userKey);
    }

    @Test
    void mapsHttp401ToRejectedWithoutEverShowingTheKey() throws Exception {
        server.enqueue(json(401, """
                {"error":{"message":"Incorrect API key provided: %s. You can find your API key at \
                https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
                "code":"invalid_api_key"}}""".formatted(KEY)));

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_REJECTED);
        assertThat(result.error().message()).contains("HTTP 401").contains("Incorrect API key provided")
                .doesNotContain(KEY).doesNotContain("0123456789abcdef");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + KEY);
    }

    @Test
    void usesThePlainBodyWhenTheErrorIsNotJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(result.error().message()).contains("HTTP 502").contains("Bad gateway");
    }

    @Test
    void skipsALineThatIsNotServerSentEvents() throws Exception {
        server.enqueue(sse(transcript("openai-stream-garbage-line.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("Still", " fine");
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.usage()).isEqualTo(ProviderUsage.of(5, 2));
    }

    @Test
    void failsOnAChunkThatIsNotJson() throws Exception {
        server.enqueue(sse(transcript("openai-stream-garbage-data.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).as("nothing after the unreadable chunk").containsExactly("Half");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_BAD_RESPONSE);
    }

    @Test
    void failsWhenTheStreamEndsBeforeTheAnswerIsComplete() throws Exception {
        server.enqueue(sse(transcript("openai-stream-truncated.sse")).build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("Cut", " off");
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
    }

    @Test
    void failsWithBadResponseWhenTheAnswerIsNotAnEventStream() throws Exception {
        server.enqueue(json(200, "{\"choices\":[]}"));

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_BAD_RESPONSE);
    }

    @Test
    void sendsMaxCompletionTokensForTheConfiguredReasoningModels() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());
        ChatProvider provider = factory.create("openai", properties(server.url("/v1").uri(), Duration.ofSeconds(10))
                .withMaxCompletionTokensModels(List.of("o3", "gpt-5")));

        provider.stream(new ProviderRequest("gpt-5-mini", REQUEST.messages(), null, null, 50, List.of()), deltas::add,
                new Cancellation());

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("max_completion_tokens").intValue()).isEqualTo(50);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void keepsTheConnectionsOfManyStreamsAtOnceForTheNextOnes() throws Exception {
        int streams = 12; // OkHttp's default pool keeps 5 idle connections
        String answer = transcript("openai-stream-with-usage.sse");
        var everyStreamConnected = new CyclicBarrier(streams);
        List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                recorded.add(request);
                try {
                    // a round's answers start once all its streams hold a connection: the round needs 12 of them
                    everyStreamConnected.await(10, TimeUnit.SECONDS);
                } catch (BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
                return sse(answer).build();
            }
        });
        ChatProvider provider = provider();
        var pool = http.client(properties(server.url("/v1").uri(), Duration.ofSeconds(10))).connectionPool();

        streamAtOnce(provider, streams);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.idleConnectionCount() == streams);
        streamAtOnce(provider, streams);

        assertThat(recorded).hasSize(2 * streams)
                .allSatisfy(request -> assertThat(request.getConnectionIndex()).isLessThan(streams));
    }

    private static void streamAtOnce(ChatProvider provider, int streams) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<ProviderResult>> calls = Collections.nCopies(streams,
                    () -> provider.stream(REQUEST, delta -> { }, new Cancellation()));
            for (Future<ProviderResult> call : executor.invokeAll(calls)) {
                assertThat(call.get().outcome()).isEqualTo(Outcome.COMPLETED);
            }
        }
    }

    @Test
    void sendsNoAuthorizationToAServerThatNeedsNoKey() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());
        ChatProvider provider = factory.create("ollama", ProviderProperties.of(ProviderKind.OPENAI_COMPATIBLE,
                server.url("/v1").uri(), null));

        ProviderResult result = provider.stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aGuardedProviderRefusesAnInternalAddressAndSendsNothing() {
        ChatProvider provider = factory.createGuarded("catalog", properties(server.url("/v1").uri(),
                Duration.ofSeconds(5)));
        var withKey = new ProviderRequest(REQUEST.model(), REQUEST.messages(), null, null, 50, null, KEY);

        ProviderResult result = provider.stream(withKey, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_ADDRESS_REFUSED);
        assertThat(result.error().retryable()).isFalse();
        assertThat(result.error().endsTheRequest()).isTrue();
        assertThat(result.error().message()).contains("catalog").contains(server.getHostName()).doesNotContain(KEY);
        assertThat(result.streamOpened()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aGuardedProviderCallsAnAllowedNetwork() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).build());
        var allowing = new ProviderHttp(new OutboundAddressPolicy(List.of("127.0.0.0/8", "::1")),
                ProviderConnections.defaults());
        try {
            ChatProvider provider = new OpenAiProviderFactory(allowing, JSON).createGuarded("catalog",
                    properties(server.url("/v1").uri(), Duration.ofSeconds(5)));

            ProviderResult result = provider.stream(REQUEST, deltas::add, new Cancellation());

            assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + KEY);
        } finally {
            allowing.destroy();
        }
    }

    @Test
    void mapsHttp429WithRetryAfterMillisecondsToARetryableError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("retry-after", "1").addHeader("retry-after-ms", "210").body(transcript("openai-429.json"))
                .build());

        ProviderResult result = provider().stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().retryable()).isTrue();
        assertThat(result.error().retryAfter()).isEqualTo(Duration.ofMillis(210));
    }

    @Test
    void failsAsUnavailableWhenNothingListens() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChatProvider provider = factory.create("openai", properties(URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                Duration.ofSeconds(5)));

        ProviderResult result = provider.stream(REQUEST, deltas::add, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(result.streamOpened()).isFalse();
    }

    @Test
    void stopsReadingAtOnceWhenCancelled() throws Exception {
        String transcript = transcript("openai-stream-with-usage.sse");
        int secondContentChunk = transcript.indexOf("data: ", transcript.indexOf("\"Hello\""));
        server.enqueue(sse(null).body(new StallingBody(transcript.substring(0, secondContentChunk))).build());
        var cancellation = new Cancellation();
        long started = System.nanoTime();

        ProviderResult result = provider().stream(REQUEST, text -> {
            deltas.add(text);
            cancellation.cancel();
        }, cancellation);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(result.usage()).as("partial usage is left to the tokenizer estimate").isNull();
        assertThat(result.streamOpened()).isTrue();
        assertThat(deltas).containsExactly("Hello");
    }

    @Test
    void cancelsACallStillWaitingForItsResponse() throws Exception {
        server.enqueue(sse(transcript("openai-stream-with-usage.sse")).headersDelay(30, TimeUnit.SECONDS).build());
        var cancellation = new Cancellation();
        Thread.ofVirtual().start(() -> {
            try {
                server.takeRequest(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancellation.cancel();
        });

        ProviderResult result = provider().stream(REQUEST, deltas::add, cancellation);

        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.streamOpened()).isFalse();
    }

    private ChatProvider provider() {
        return provider(Duration.ofSeconds(10));
    }

    private ChatProvider provider(Duration connectTimeout) {
        // trailing slash on purpose: the client must still call /v1/chat/completions
        return factory.create("openai", properties(server.url("/v1/").uri(), connectTimeout));
    }

    private static ProviderProperties properties(URI baseUrl, Duration connectTimeout) {
        return ProviderProperties.of(ProviderKind.OPENAI_COMPATIBLE, baseUrl, KEY)
                .withTimeouts(new ProviderProperties.Timeouts(connectTimeout, Duration.ofMinutes(1),
                        Duration.ofMinutes(1), Duration.ofMinutes(5)));
    }

    private static MockResponse.Builder sse(String body) {
        var builder = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8")
                .addHeader("Cache-Control", "no-cache");
        return body == null ? builder : builder.body(body);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** Sends the start of a stream, then stays silent until the test ends. */
    private final class StallingBody implements MockResponseBody {

        private final String start;

        StallingBody(String start) {
            this.start = start;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(start);
            sink.flush();
            try {
                testEnded.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String transcript(String name) {
        return Transcripts.read(name);
    }
}
