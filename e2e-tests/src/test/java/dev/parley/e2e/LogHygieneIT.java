package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What the services log, read back from their files: one request can be followed through all three by its chat
 * request id, every HTTP request has one access line, and no password, token, key or message text is ever written,
 * whatever path the request took (native API, SSE, /v1, own provider key, refresh).
 */
class LogHygieneIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void aRequestCanBeFollowedAcrossTheServicesAndNoSecretOrTextIsLogged() throws Exception {
        String marker = "zebracorn" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        String email = "logs-" + UUID.randomUUID() + "@example.com";
        ApiClient anonymous = system.api();
        assertThat(anonymous.post("/api/auth/register", Map.of("email", email, "password", password)).status())
                .isEqualTo(201);
        JsonNode tokens = anonymous.post("/api/auth/login", Map.of("email", email, "password", password)).json();
        String accessToken = tokens.get("accessToken").asString();
        String refreshToken = tokens.get("refreshToken").asString();
        ApiClient user = anonymous.as(accessToken);
        String apiKey = user.post("/api/keys", Map.of("name", "log test")).json().get("key").asString();
        String providerKey = "sk-provider-" + UUID.randomUUID();
        assertThat(user.put("/api/me/provider-keys/openai", Map.of("apiKey", providerKey)).status()).isEqualTo(200);
        String webhookSecret = user.post("/api/me/webhook-secret", Map.of()).json().get("secret").asString();

        String conversation = user.post("/api/conversations", Map.of("title", "log test")).json().get("id").asString();
        JsonNode accepted = user.post("/api/conversations/" + conversation + "/messages",
                Map.of("content", "Tell me about " + marker + " please")).json();
        String chatRequestId = accepted.get("requestId").asString();
        var events = user.stream(accepted.get("streamUrl").asString(), null, e -> e.name().equals("done"));
        String answer = events.get(events.size() - 1).data().get("content").asString();
        assertThat(answer).contains(marker);
        var v1 = anonymous.as(apiKey).post("/v1/chat/completions", Map.of("model", "mock-1", "messages",
                List.of(Map.of("role", "user", "content", "Also " + marker + " via v1"))));
        assertThat(v1.status()).as(v1.toString()).isEqualTo(200);
        String refreshed = anonymous.post("/api/auth/refresh", Map.of("refreshToken", refreshToken)).json()
                .get("refreshToken").asString();
        anonymous.as(apiKey).get("/api/ws/stream?access_token=" + accessToken);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String service : List.of("api-ingress", "llm-worker", "usage-accounting")) {
                assertThat(jsonLines(service)).as("%s lines naming chat request %s", service, chatRequestId)
                        .anyMatch(line -> chatRequestId.equals(text(line, "chatRequestId")));
            }
        });
        List<JsonNode> ingress = jsonLines("api-ingress");
        JsonNode post = ingress.stream().filter(line -> "parley.access".equals(text(line, "logger_name"))
                && chatRequestId.equals(text(line, "chatRequestId"))).findFirst().orElseThrow();
        assertThat(text(post, "message")).startsWith("POST /api/conversations/" + conversation + "/messages 202 ");
        assertThat(text(post, "userId")).isNotBlank();
        assertThat(text(post, "conversationId")).isEqualTo(conversation);
        String httpRequestId = text(post, "requestId");
        assertThat(jsonLines("llm-worker")).as("the worker's lines carry the HTTP request id through Kafka")
                .anyMatch(line -> httpRequestId.equals(text(line, "requestId"))
                        && chatRequestId.equals(text(line, "chatRequestId")));
        assertThat(ingress).as("the WebSocket handshake's access line has no query string")
                .anyMatch(line -> text(line, "message").startsWith("GET /api/ws/stream "));

        List<String> secrets = List.of(password, accessToken, refreshToken, refreshed, apiKey,
                keySecret(apiKey), providerKey, webhookSecret, marker,
                RunningSystem.SERVICE_TOKEN, RunningSystem.INTEGRATION_TOKEN, system.env("PARLEY_JWT_SECRET"));
        for (Path file : logFiles()) {
            String content = Files.readString(file);
            for (String secret : secrets) {
                assertThat(content).as("%s must not contain %s", file, secret.substring(0, Math.min(6,
                        secret.length())) + "…")
                        .doesNotContain(secret);
            }
        }
    }

    /**
     * The secret part of a key {@code pk_<8 hex>_<secret>}: after the second '_', since the base64url secret may
     * contain '_' itself (its tail after the last one was sometimes a single character, found in any log).
     */
    private static String keySecret(String apiKey) {
        return apiKey.substring(apiKey.indexOf('_', "pk_".length()) + 1);
    }

    private static List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(system.logs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static List<JsonNode> jsonLines(String service) {
        Path file = system.logs.resolve("json").resolve(service + ".json.log");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("{")) {
                    lines.add(ApiClient.JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
