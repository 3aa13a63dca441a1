package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import tools.jackson.databind.JsonNode;

/**
 * Fault matrix: a client that goes away mid-stream. Decided (docs/architecture.md): a native SSE client's disconnect
 * cancels nothing, since it may resume with Last-Event-ID on any instance, so the answer completes, is stored and
 * billed in full; an OpenAI-compatible {@code /v1} client cannot resume, so its disconnect cancels the answer, which
 * is billed for what was generated.
 */
class ClientDisconnectIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void aNativeSseClientThatDisconnectsMidStreamCancelsNothing() {
        User user = Traffic.signUp(system.api(), "sse-gone");
        Posted posted = Traffic.post(user, Faults.longAnswer(0));
        var deltas = new AtomicInteger();
        user.api().stream(posted.streamUrl(), null, event -> event.name().equals("delta")
                && deltas.incrementAndGet() == 2);

        JsonNode answer = Books.awaitStored(List.of(posted), Faults.SETTLE).get(posted.messageId());
        assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.get("finishReason").asString()).isNotEqualTo("CANCELLED");
        Books.assertExact(system, List.of(posted), Faults.SETTLE);
    }

    @Test
    void anOpenAiClientThatDisconnectsMidStreamCancelsAndIsBilledForWhatWasGenerated() throws Exception {
        User user = Traffic.signUp(system.api(), "v1-gone");
        String token = user.api().post("/api/keys", Map.of("name", "sdk")).json().get("key").asString();
        var request = HttpRequest.newBuilder(URI.create(system.ingress.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of(
                        "model", "mock-1", "stream", true, "max_tokens", 150,
                        "messages", List.of(Map.of("role", "user", "content", Faults.TOPICS))))))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            int chunks = 0;
            while (chunks < 2 && (line = reader.readLine()) != null) {
                chunks += line.startsWith("data:") ? 1 : 0;
            }
        }

        ApiClient accounting = Books.accounting(system);
        await().atMost(Faults.SETTLE).untilAsserted(() -> {
            List<JsonNode> debits = Books.debits(accounting, user.id());
            assertThat(debits).singleElement().satisfies(debit -> {
                assertThat(debit.get("outcome").asString()).isEqualTo("CANCELLED");
                assertThat(debit.get("tokens").get("output").asLong()).as("cut short").isPositive().isLessThan(150);
            });
            JsonNode account = accounting.get("/internal/accounts/" + user.id()).json();
            assertThat(account.get("reserved").asLong()).isZero();
            assertThat(account.get("balance").asLong())
                    .isEqualTo(RunningSystem.STARTING_BALANCE - debits.getFirst().get("amount").asLong());
        });
    }
}
