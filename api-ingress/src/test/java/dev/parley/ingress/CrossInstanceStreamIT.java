package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.testing.TestInfrastructure;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 5 across instances: two (and later three) api-ingress applications in this JVM, each with its own
 * fan-out group, against the same broker, registry and MongoDB; the test plays the worker on chat.stream. A client
 * that loses its connection to one instance resumes on another with Last-Event-ID; an instance started mid-answer
 * catches up from the topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class CrossInstanceStreamIT {

    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    static final String DATABASE = "ingress-cross-instance";

    final MockWebServer accounting = new MockWebServer();
    final String storageKeys = KeyRing.generate(1);
    final String transportKeys = KeyRing.generate(1);
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    ApiClient apiA;
    ApiClient apiB;
    KafkaTestClient kafka;

    @BeforeAll
    void startTwoInstances() throws Exception {
        accounting.setDispatcher(new AccountingStub());
        accounting.start();
        a = startInstance();
        b = startInstance();
        // after the instances: they declare the topics this reads
        kafka = new KafkaTestClient(INFRA, List.of(Topics.CHAT_REQUESTS));
        apiA = new ApiClient(port(a));
        apiB = new ApiClient(port(b));
    }

    @AfterAll
    void stopInstances() throws Exception {
        a.close();
        b.close();
        kafka.close();
        accounting.close();
    }

    @Test
    void clientResumesOnAnotherInstanceWithExactlyTheMissingEvents() {
        Answer answer = ask("Tell me about penguins");
        TestWorker worker = answer.worker().delta(0, "Pen").delta(1, "guins ");
        HttpClient connection = HttpClient.newHttpClient();
        SseClient onA = SseClient.open(connection, apiA.uri(answer.streamUrl()), answer.bearer(), null);
        await().until(() -> onA.events.size() == 2);
        worker.delta(2, "swim");
        await().until(() -> onA.events.size() == 3);

        connection.shutdownNow();
        await().until(() -> onA.ended);
        worker.delta(3, " and ");
        SseClient onB = SseClient.open(apiB.http(), apiB.uri(answer.streamUrl()), answer.bearer(), "2");
        await().until(() -> onB.events.size() == 1);
        worker.delta(4, "dive.").completed(5, "Penguins swim and dive.", FinishReason.STOP);
        await().until(() -> onB.ended);

        assertThat(onA.ids()).containsExactly("0", "1", "2");
        assertThat(onB.ids()).containsExactly("3", "4", "5");
        assertThat(onB.names()).containsExactly("delta", "delta", "done");
        String text = deltaText(onA) + deltaText(onB);
        assertThat(text).isEqualTo("Penguins swim and dive.");
        assertThat(onB.events.getLast().data().get("content").asString()).isEqualTo(text);
        assertThat(storedContent(apiB, answer, "COMPLETED")).isEqualTo(text);
    }

    @Test
    void instanceStartedMidAnswerServesItFromTheStartThenLive(CapturedOutput output) {
        Answer answer = ask("Tell me about glaciers");
        TestWorker worker = answer.worker().delta(0, "Glaciers ").delta(1, "move ");

        try (ConfigurableApplicationContext c = startInstance()) {
            var apiC = new ApiClient(port(c));
            SseClient onC = SseClient.open(apiC.http(), apiC.uri(answer.streamUrl()), answer.bearer(), null);
            await().until(() -> onC.events.size() == 2);
            worker.delta(2, "slowly.").completed(3, "Glaciers move slowly.", FinishReason.STOP);
            await().until(() -> onC.ended);

            assertThat(onC.ids()).containsExactly("0", "1", "2", "3");
            assertThat(deltaText(onC)).isEqualTo("Glaciers move slowly.");
            assertThat(onC.events.getLast().data().get("content").asString()).isEqualTo("Glaciers move slowly.");
            await().until(() -> output.getOut().contains("Fan-out of chat.stream caught up"));
        }
    }

    @Test
    void takeoverIsNumberedAlikeOnEveryInstance() {
        Answer answer = ask("Tell me about volcanoes");
        TestWorker first = answer.worker().attempt("attempt-a").delta(0, "Lava ").delta(1, "is ");
        HttpClient connection = HttpClient.newHttpClient();
        SseClient onA = SseClient.open(connection, apiA.uri(answer.streamUrl()), answer.bearer(), null);
        await().until(() -> onA.events.size() == 2);
        first.delta(2, "cold");
        // the first worker died; another one redoes the request from scratch
        TestWorker second = answer.worker().attempt("attempt-b").delta(0, "Lava ").delta(1, "is ");
        await().until(() -> onA.events.size() == 6);
        connection.shutdownNow();
        await().until(() -> onA.ended);
        second.delta(2, "hot.").completed(3, "Lava is hot.", FinishReason.STOP);
        // the resumes below test the fan-out's renumbering, so both instances must hold the terminal event first:
        // without it, an instance rebuilds the finished answer from the stored message (one done event)
        await().until(() -> holdsTerminal(a, answer) && holdsTerminal(b, answer));

        assertThat(onA.ids()).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(onA.names()).containsExactly("delta", "delta", "delta", "reset", "delta", "delta");
        SseClient afterReset = resume(apiB, answer, "5");
        assertThat(afterReset.ids()).containsExactly("6", "7");
        assertThat(deltaText(onA.events.subList(4, 6)) + deltaText(afterReset.events)).isEqualTo("Lava is hot.");
        SseClient beforeResetOnB = resume(apiB, answer, "1");
        SseClient beforeResetOnA = resume(apiA, answer, "1");
        assertThat(beforeResetOnB.ids()).containsExactly("3", "4", "5", "6", "7")
                .isEqualTo(beforeResetOnA.ids());
        assertThat(beforeResetOnB.names()).containsExactly("reset", "delta", "delta", "delta", "done");
        assertThat(deltaText(beforeResetOnB)).isEqualTo("Lava is hot.");
        assertThat(storedContent(apiB, answer, "COMPLETED")).isEqualTo("Lava is hot.");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    record Answer(String bearer, String conversation, String messageId, String streamUrl, ChatRequested request,
            KafkaTestClient kafka) {

        TestWorker worker() {
            return new TestWorker(kafka, request.getRequestId(), request.getUserId(), request.getConversationId(),
                    request.getMessageId());
        }
    }

    /** Signs a new user up on A and posts a question there; the answer is pending. */
    Answer ask(String question) {
        String email = "cross-" + UUID.randomUUID() + "@example.com";
        Map<String, String> credentials = Map.of("email", email, "password", "correct horse battery");
        assertThat(apiA.post("/api/auth/register", null, ApiClient.json(credentials)).status()).isEqualTo(201);
        String bearer = "Bearer " + apiA.post("/api/auth/login", null, ApiClient.json(credentials)).body()
                .get("accessToken").asString();
        String conversation = apiA.post("/api/conversations", bearer, ApiClient.json(Map.of())).body().get("id")
                .asString();
        ApiClient.Response accepted = apiA.post("/api/conversations/" + conversation + "/messages", bearer,
                ApiClient.json(Map.of("content", question)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String requestId = accepted.body().get("requestId").asString();
        ChatRequested request = await().until(() -> kafka.find(Topics.CHAT_REQUESTS, ChatRequested.class,
                event -> event.getRequestId().equals(requestId)), found -> found.isPresent()).get();
        return new Answer(bearer, conversation, request.getMessageId(), accepted.body().get("streamUrl").asString(),
                request, kafka);
    }

    static SseClient resume(ApiClient api, Answer answer, String lastEventId) {
        SseClient client = SseClient.open(api.http(), api.uri(answer.streamUrl()), answer.bearer(), lastEventId);
        await().until(() -> client.ended);
        assertThat(client.status).isEqualTo(200);
        return client;
    }

    static boolean holdsTerminal(ConfigurableApplicationContext instance, Answer answer) {
        return instance.getBean(StreamHub.class).hasTerminal(answer.request().getRequestId());
    }

    static String storedContent(ApiClient api, Answer answer, String status) {
        String path = "/api/conversations/" + answer.conversation() + "/messages/" + answer.messageId();
        JsonNode message = await().until(() -> api.get(path, answer.bearer()).body(),
                body -> body != null && status.equals(body.path("status").asString()));
        return message.get("content").asString();
    }

    static String deltaText(SseClient client) {
        return deltaText(client.events);
    }

    static String deltaText(List<SseClient.Event> events) {
        return events.stream().filter(event -> event.name().equals("delta"))
                .map(event -> event.data().get("text").asString()).collect(Collectors.joining());
    }

    ConfigurableApplicationContext startInstance() {
        Map<String, Object> properties = new HashMap<>(INFRA.springProperties(DATABASE));
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        // its own persisting group: the cached context of the other integration tests persists to another database
        properties.put("spring.kafka.consumer.group-id", "api-ingress-cross-instance");
        properties.put("parley.accounting.url", accounting.url("/").toString());
        properties.put("parley.accounting.service-token", AccountingStub.SERVICE_TOKEN);
        properties.put("parley.security.jwt-secret", TestTokens.SECRET);
        properties.put("parley.security.key-encryption-keys", storageKeys);
        properties.put("parley.security.transport-keys", transportKeys);
        // as command-line arguments: they outrank application.yml, as the test's dynamic properties do
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(IngressApplication.class).run(arguments);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
