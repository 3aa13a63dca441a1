package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.SseEvent;
import tools.jackson.databind.JsonNode;

/**
 * The README's walk-through, through the real broker, registry and MongoDB and the three services as
 * processes: register, log in, converse, stream, read the history, see the balance go down by exactly
 * the tokens the stream reported.
 */
class ChatWalkthroughIT {

    static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void aUserChatsAndPaysExactlyTheTokensTheStreamReported() {
        ApiClient me = signUp();
        assertThat(balance(me)).isEqualTo(RunningSystem.STARTING_BALANCE);

        String conversationId = me.post("/api/conversations", Map.of("title", "first chat")).json().get("id").asString();
        var accepted = me.post("/api/conversations/" + conversationId + "/messages",
                Map.of("content", "Tell me about Kafka partitions", "maxTokens", 40));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String streamUrl = accepted.json().get("streamUrl").asString();
        String messageId = accepted.json().get("messageId").asString();

        List<SseEvent> events = me.stream(streamUrl, null, ChatWalkthroughIT::terminal);
        SseEvent done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        String streamed = events.stream().filter(e -> e.name().equals("delta"))
                .map(e -> e.data().get("text").asString()).collect(Collectors.joining());
        assertThat(streamed).isNotBlank().isEqualTo(done.data().get("content").asString());
        assertThat(events.stream().map(SseEvent::id).map(Long::parseLong).toList()).isSorted();
        long total = done.data().get("usage").get("totalTokens").asLong();
        assertThat(total).isPositive();

        // the stream and the store are two consumers of chat.stream: the answer is stored soon after `done`, not before
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(me.get("/api/conversations/"
                + conversationId + "/messages").json().get("items").get(1).get("status").asString())
                .isEqualTo("COMPLETED"));
        JsonNode history = me.get("/api/conversations/" + conversationId + "/messages").json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("role").asString()).isEqualToIgnoringCase("user");
        JsonNode answer = history.get(1);
        assertThat(answer.get("id").asString()).isEqualTo(messageId);
        assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.get("content").asString()).isEqualTo(streamed);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(me)).isEqualTo(RunningSystem.STARTING_BALANCE - total));
    }

    @Test
    void theAnswerIsStoredWhenNoClientIsConnectedAndReStreamsWhenFinished() {
        ApiClient me = signUp();
        String conversationId = me.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = me.post("/api/conversations/" + conversationId + "/messages", Map.of("content", "hello", "maxTokens", 10));
        String messageId = accepted.json().get("messageId").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                me.get("/api/conversations/" + conversationId + "/messages").json().get("items").get(1)
                        .get("status").asString()).isEqualTo("COMPLETED"));

        List<SseEvent> replay = me.stream(accepted.json().get("streamUrl").asString(), null, ChatWalkthroughIT::terminal);
        assertThat(replay.getLast().name()).isEqualTo("done");
        assertThat(replay.getLast().data().get("messageId").asString()).isEqualTo(messageId);
    }

    @Test
    void cancelStopsTheAnswerAndDebitsOnlyThePartialUsage() {
        ApiClient me = signUp();
        String conversationId = me.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = me.post("/api/conversations/" + conversationId + "/messages",
                Map.of("content", "Write a very long essay", "maxTokens", 1000));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String messageId = accepted.json().get("messageId").asString();
        String base = "/api/conversations/" + conversationId + "/messages/" + messageId;

        me.stream(accepted.json().get("streamUrl").asString(), null, e -> e.name().equals("delta"));
        var cancel = me.post(base + "/cancel", Map.of());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);

        SseEvent done = me.stream(accepted.json().get("streamUrl").asString(), null, ChatWalkthroughIT::terminal).getLast();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("finishReason").asString()).isEqualTo("CANCELLED");
        long partial = done.data().get("usage").get("totalTokens").asLong();
        assertThat(done.data().get("usage").get("outputTokens").asLong()).isPositive().isLessThan(4000);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(me)).isEqualTo(RunningSystem.STARTING_BALANCE - partial));
        // the stream's done comes from the fan-out; the stored status follows from the persisting consumer group,
        // which may still be rebalancing after another test killed one of its instances
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                me.get(base).json().get("status").asString()).isEqualTo("CANCELLED"));
        assertThat(me.post(base + "/cancel", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aProviderFailureReachesTheClientAsAnErrorEvent() {
        ApiClient me = signUp();
        String conversationId = me.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = me.post("/api/conversations/" + conversationId + "/messages",
                Map.of("content", "fail please", "model", "mock-error"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        SseEvent last = me.stream(accepted.json().get("streamUrl").asString(), null, ChatWalkthroughIT::terminal).getLast();
        assertThat(last.name()).isEqualTo("error");
        assertThat(last.data().get("code").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                me.get("/api/conversations/" + conversationId + "/messages").json().get("items").get(1)
                        .get("status").asString()).isEqualTo("FAILED"));
    }

    @Test
    void anotherUsersConversationIsNotFound() {
        ApiClient owner = signUp();
        ApiClient stranger = signUp();
        String conversationId = owner.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = owner.post("/api/conversations/" + conversationId + "/messages", Map.of("content", "private"));
        String base = "/api/conversations/" + conversationId;
        String messageId = accepted.json().get("messageId").asString();

        for (var response : List.of(stranger.get(base), stranger.get(base + "/messages"),
                stranger.post(base + "/messages", Map.of("content", "hijack")),
                stranger.post(base + "/messages/" + messageId + "/cancel", Map.of()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var stream = stranger.get(base + "/messages/" + messageId + "/stream");
        assertThat(stream.status()).isEqualTo(404);
    }

    @Test
    void badInputGetsAProblemNeverA500() {
        ApiClient me = signUp();
        String conversationId = me.post("/api/conversations", Map.of()).json().get("id").asString();
        String messages = "/api/conversations/" + conversationId + "/messages";
        var responses = List.of(
                me.postRaw(messages, "application/json", "{not json"),
                me.post(messages, Map.of("content", "")),
                me.post(messages, Map.of("content", "x", "temperature", 7)),
                me.post(messages, Map.of("content", "x", "model", "no-such-model")),
                me.get("/api/conversations/not-an-id"),
                new ApiClient(system.ingress.baseUrl()).get("/api/conversations"),
                system.api().post("/api/auth/register", Map.of("email", "not-an-email", "password", "x")));
        for (var response : responses) {
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).startsWith("urn:parley:problem:");
        }
    }

    @Test
    void everyServiceServesHealthAndPrometheusMetricsOnItsManagementPortOnly() {
        for (var service : List.of(system.accounting, system.worker, system.ingress)) {
            var management = new ApiClient(service.managementUrl());
            assertThat(management.get("/actuator/health").body()).contains("UP");
            var metrics = management.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            assertThat(new ApiClient(service.baseUrl()).get("/actuator/prometheus").status()).as(service.name())
                    .isIn(401, 404);
        }
    }

    static boolean terminal(SseEvent event) {
        return event.name().equals("done") || event.name().equals("error");
    }

    static long balance(ApiClient user) {
        return user.get("/api/me/usage").json().get("balance").asLong();
    }

    static ApiClient signUp() {
        ApiClient anonymous = system.api();
        String email = "user-" + UUID.randomUUID() + "@example.com";
        var registered = anonymous.post("/api/auth/register", Map.of("email", email, "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var login = anonymous.post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.as(login.json().get("accessToken").asString());
    }
}
