package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import mockwebserver3.MockWebServer;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatStreamKinds;
import dev.parley.events.ChatStreamed;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.testing.TestInfrastructure;
import dev.parley.testing.TestSerdes;

/**
 * The worker against the real broker and registry. All integration test classes share this configuration, so
 * they share one application context, and the clients below, for the whole test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.worker.max-concurrent-streams=3",
        "parley.worker.providers.mock.tokens-per-second=200",
        "parley.worker.providers.slow-mock.kind=mock",
        "parley.worker.providers.slow-mock.tokens-per-second=10",
        "parley.worker.providers.openai.api-key=",
        "parley.worker.providers.openrouter.api-key=",
        "parley.worker.providers.fake-openai.kind=openai-compatible",
        "parley.worker.providers.fake-openai.api-key=sk-test-integration",
        "parley.worker.providers.flaky-mock.kind=mock",
        "parley.worker.providers.flaky-mock.failure-rate=1",
        "parley.worker.providers.flaky-mock.retry.max-attempts=2",
        "parley.worker.providers.flaky-mock.retry.initial-backoff=10ms",
        "parley.worker.providers.flaky-mock.limits.requests-per-minute=6000",
        "parley.worker.models.flaky.fallbacks=mock:mock",
        "parley.worker.providers.strict-openai.kind=openai-compatible",
        "parley.worker.providers.strict-openai.api-key=sk-test-strict",
        "parley.worker.providers.strict-openai.timeouts.first-token=1s",
        "parley.worker.providers.strict-openai.timeouts.idle=1s",
        "parley.worker.providers.strict-openai.retry.max-attempts=2",
        "parley.worker.providers.strict-openai.retry.initial-backoff=10ms",
        // no server key: usable only with a user's own key
        "parley.worker.providers.byok-openai.kind=openai-compatible",
        // catalog providers may call 127.0.0.1 but no other internal address (127.0.0.2 stands for one): one shared
        // context serves the allowed and the refused case. Configured providers are not guarded at all.
        "parley.outbound.allowed-networks=127.0.0.1/32",
        // PublishFailureIT: an answer the broker refuses is given up on within seconds, not minutes
        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "parley.worker.publish.give-up-after=12s",
        "parley.worker.publish.first-backoff=200ms",
        "parley.worker.publish.max-backoff=1s" })
abstract class WorkerTestSupport {

    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    static final MockWebServer FAKE_OPENAI = startFakeOpenAi();
    static final MockWebServer BYOK_OPENAI = startFakeOpenAi();
    static final String TRANSPORT_KEYS = KeyRing.generate(1);
    static final Duration STREAM_TIMEOUT = Duration.ofSeconds(30);
    /** Enough topics for an answer that takes the slow mock several seconds. */
    static final String LONG_QUESTION = "Explain penguins, glaciers, volcanoes, deserts, oceans, forests, rivers "
            + "and mountains";

    static EventLog events;
    static KafkaProducer<String, Object> producer;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("llm-worker-test").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("parley.worker.providers.fake-openai.base-url", () -> FAKE_OPENAI.url("/v1").toString());
        registry.add("parley.worker.providers.strict-openai.base-url", () -> FAKE_OPENAI.url("/v1").toString());
        registry.add("parley.worker.providers.byok-openai.base-url", () -> BYOK_OPENAI.url("/v1").toString());
        registry.add("parley.worker.transport-keys", () -> TRANSPORT_KEYS);
    }

    @BeforeEach
    void clientsAndListenersReady() {
        openClients();
        await().atMost(STREAM_TIMEOUT).until(() -> assigned("chat-requests") && assigned("chat-control"));
    }

    private static synchronized void openClients() {
        if (events == null) {
            events = new EventLog(INFRA);
            Map<String, Object> config = TestSerdes.config(INFRA.registryUrl());
            config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class));
            producer = new KafkaProducer<>(config);
        }
    }

    private static MockWebServer startFakeOpenAi() {
        var server = new MockWebServer();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    boolean assigned(String listenerId) {
        MessageListenerContainer container = container(listenerId);
        return container != null && container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty();
    }

    MessageListenerContainer container(String listenerId) {
        return listeners.getListenerContainer(listenerId);
    }

    static RecordMetadata publish(ChatRequested request) {
        return send(new ProducerRecord<>(Topics.CHAT_REQUESTS, request.getRequestId(), request));
    }

    static void publishCancel(String requestId, String userId) {
        send(new ProducerRecord<>(Topics.CHAT_CONTROL, requestId, TestEvents.cancel(requestId, userId)));
    }

    private static RecordMetadata send(ProducerRecord<String, Object> record) {
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitFirstDelta(ChatRequested request) {
        await().atMost(STREAM_TIMEOUT).until(() -> !events.stream(request.getRequestId()).isEmpty());
    }

    static ChatStreamed awaitTerminal(ChatRequested request) {
        return awaitTerminal(request, STREAM_TIMEOUT);
    }

    static ChatStreamed awaitTerminal(ChatRequested request, Duration timeout) {
        return await().atMost(timeout).until(() -> events.terminal(request.getRequestId()), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the terminal event and {@code count} usage records arrived; one per provider call. */
    static List<UsageRecorded> awaitUsages(ChatRequested request, int count) {
        await().atMost(STREAM_TIMEOUT).until(() -> events.usage(request.getRequestId()).size() >= count);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> events.usage(request.getRequestId()).size() == count);
        return events.usage(request.getRequestId());
    }

    static UsageRecorded awaitUsage(ChatRequested request) {
        await().atMost(STREAM_TIMEOUT).until(() -> !events.usage(request.getRequestId()).isEmpty());
        assertThat(events.usage(request.getRequestId())).as("one usage record per provider call").hasSize(1);
        return events.usage(request.getRequestId()).getFirst();
    }

    /** Sequences 0..n in order, deltas first, exactly one terminal event last, whose text is the deltas'. */
    static List<ChatStreamed> assertWellFormedStream(ChatRequested request) {
        List<ChatStreamed> stream = events.stream(request.getRequestId());
        assertThat(stream).extracting(ChatStreamed::getSequence)
                .containsExactlyElementsOf(LongStream.range(0, stream.size()).boxed().toList());
        assertThat(stream.subList(0, stream.size() - 1)).allSatisfy(event ->
                assertThat(event.getPayload()).isInstanceOf(TokensGenerated.class));
        assertThat(stream).extracting(ChatStreamed::getAttemptId).as("one processing run").containsOnly(
                stream.getFirst().getAttemptId()).allSatisfy(attemptId -> assertThat(attemptId).isNotBlank());
        assertThat(stream).extracting(ChatStreamed::getWorkerId).allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(stream).as("each record names its kind in a header").allSatisfy(event ->
                assertThat(events.kind(event)).isEqualTo(ChatStreamKinds.of(event.getPayload())));
        assertThat(stream).allSatisfy(event -> {
            assertThat(event.getUserId()).isEqualTo(request.getUserId());
            assertThat(event.getConversationId()).isEqualTo(request.getConversationId());
            assertThat(event.getMessageId()).isEqualTo(request.getMessageId());
        });
        Object terminal = stream.getLast().getPayload();
        String text = terminal instanceof ChatCompleted completed ? completed.getText()
                : ((ChatFailed) terminal).getPartialText();
        assertThat(text).isEqualTo(deltaText(stream));
        return stream;
    }

    static String deltaText(List<ChatStreamed> stream) {
        var text = new StringBuilder();
        stream.stream().map(ChatStreamed::getPayload).filter(TokensGenerated.class::isInstance)
                .forEach(delta -> text.append(((TokensGenerated) delta).getText()));
        return text.toString();
    }

    static void assertUsageMatches(UsageRecorded usage, ChatRequested request, TokenUsage expected,
            CallOutcome outcome) {
        assertThat(usage.getOutcome()).isEqualTo(outcome);
        assertThat(usage.getUserId()).isEqualTo(request.getUserId());
        assertThat(usage.getConversationId()).isEqualTo(request.getConversationId());
        assertThat(usage.getProvider()).isEqualTo(request.getProvider());
        assertThat(usage.getModel()).isEqualTo(request.getModel());
        assertThat(usage.getEventId()).as("<requestId>:<ordinal of the billed call>")
                .matches(java.util.regex.Pattern.quote(request.getRequestId()) + ":\\d+");
        assertThat(new TokenUsage(usage.getInputTokens(), usage.getOutputTokens(), usage.getCachedInputTokens(),
                usage.getReasoningTokens(), usage.getSource())).isEqualTo(expected);
    }

    static ChatCompleted completed(ChatStreamed terminal) {
        assertThat(terminal.getPayload()).isInstanceOf(ChatCompleted.class);
        return (ChatCompleted) terminal.getPayload();
    }

    static ChatFailed failed(ChatStreamed terminal) {
        assertThat(terminal.getPayload()).isInstanceOf(ChatFailed.class);
        return (ChatFailed) terminal.getPayload();
    }
}
