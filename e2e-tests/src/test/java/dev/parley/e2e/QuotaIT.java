package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.Response;
import dev.parley.e2e.ApiClient.SseEvent;
import tools.jackson.databind.JsonNode;

/**
 * Admission by reservation with the real services: a balance that covers exactly one request admits exactly one
 * of 200 parallel ones and settles to zero reserved; an admin manages credits, an outside system sets a quota
 * by its own user id, and a model summarizes usage through the normal pipeline.
 */
class QuotaIT {

    static final String MESSAGE = "Summarize the history of the printing press in three sentences.";
    static final int MAX_TOKENS = 50;
    static final int PARALLEL = 200;

    static RunningSystem system;
    static String adminToken;
    static ApiClient admin;

    @BeforeAll
    static void startSystemAndSignInTheAdmin() throws Exception {
        system = RunningSystem.start();
        adminToken = system.adminToken();
        admin = system.api().as(adminToken);
        assertThat(admin.get("/api/auth/me").json().get("roles").toString()).contains("ADMIN");
    }

    @Test
    void aBalanceThatCoversOneRequestAdmitsExactlyOneOf200() throws Exception {
        long oneRequest = reservationOfOneRequest();
        ApiClient user = signUp();
        String userId = user.get("/api/auth/me").json().get("id").asString();
        Response set = put("/api/admin/users/" + userId + "/balance", adminToken, Map.of("balance", oneRequest));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            // one conversation each, so that every request has the same context and costs the same
            conversations.add(user.post("/api/conversations", Map.of()).json().get("id").asString());
        }

        List<Response> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> posts = conversations.stream().map(id -> threads.submit(() -> user.post(
                    "/api/conversations/" + id + "/messages", Map.of("content", MESSAGE, "maxTokens", MAX_TOKENS))))
                    .toList();
            for (Future<Response> post : posts) {
                answers.add(post.get());
            }
        }

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Response::status, TreeMap::new, Collectors.counting()));
        assertThat(statuses).as(answers.stream().filter(answer -> answer.status() != 402).toList().toString())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(202, 1L, 402, (long) PARALLEL - 1)));
        List<Response> admitted = answers.stream().filter(answer -> answer.status() == 202).toList();
        List<Response> refused = answers.stream().filter(answer -> answer.status() == 402).toList();
        assertThat(refused).allSatisfy(answer -> assertThat(answer.json().get("type").asString())
                .isEqualTo("urn:parley:problem:quota-exhausted"));

        List<SseEvent> events = user.stream(admitted.getFirst().json().get("streamUrl").asString(), null,
                QuotaIT::terminal);
        assertThat(events.getLast().name()).isEqualTo("done");
        long used = events.getLast().data().get("usage").get("totalTokens").asLong();
        assertThat(used).isPositive().isLessThanOrEqualTo(oneRequest);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode usage = user.get("/api/me/usage").json();
            assertThat(usage.get("balance").asLong()).isEqualTo(oneRequest - used);
            assertThat(usage.get("reserved").asLong()).isZero();
            assertThat(usage.get("available").asLong()).isEqualTo(oneRequest - used);
        });
    }

    @Test
    void anOutsideSystemSetsAQuotaByItsOwnUserId() {
        String externalId = "crm-" + UUID.randomUUID();
        String path = "/api/integrations/users/" + externalId + "/quota";
        ApiClient outside = system.api().as(RunningSystem.INTEGRATION_TOKEN);

        Response created = put(path, RunningSystem.INTEGRATION_TOKEN, Map.of("balance", 1234, "email", externalId + "@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().get("userId").asString();
        assertThat(created.json().get("balance").asLong()).isEqualTo(1234);

        Response again = put(path, RunningSystem.INTEGRATION_TOKEN, Map.of("balance", 2000, "refill", Map.of("amount", 10, "interval", "P1D")));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("userId").asString()).isEqualTo(userId);
        assertThat(again.json().get("created").asBoolean()).isFalse();

        JsonNode ledger = admin.get("/api/admin/transactions?userId=" + userId).json();
        assertThat(ledger.get("items")).extracting(item -> item.get("balanceAfter").asLong()).contains(1234L, 2000L);
        assertThat(put(path, adminToken, Map.of("balance", 1)).status()).isEqualTo(401);
        assertThat(outside.get("/api/me/usage").status()).isEqualTo(401);
    }

    @Test
    void aModelSummarizesUsageThroughTheNormalPipeline() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response accepted = admin.post("/api/admin/usage/summary", Map.of("from", today, "to", today,
                "groupBy", "model"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        List<SseEvent> events = admin.stream(accepted.json().get("streamUrl").asString(), null, QuotaIT::terminal);
        assertThat(events.getLast().name()).isEqualTo("done");
        String conversation = accepted.json().get("conversationId").asString();
        assertThat(admin.get("/api/conversations/" + conversation).json().get("title").asString())
                .isEqualTo("Usage summary " + today + ".." + today);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                admin.get("/api/me/usage").json().get("debitedCredits").asLong()).isPositive());
    }

    /**
     * What one request of {@link #MESSAGE} reserves: a probe user sends it once, and its usage entry in the ledger
     * tells how many credits its reservation held (estimated input plus max output tokens at one credit each).
     */
    static long reservationOfOneRequest() {
        ApiClient probe = signUp();
        String conversation = probe.post("/api/conversations", Map.of()).json().get("id").asString();
        Response accepted = probe.post("/api/conversations/" + conversation + "/messages",
                Map.of("content", MESSAGE, "maxTokens", MAX_TOKENS));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        probe.stream(accepted.json().get("streamUrl").asString(), null, QuotaIT::terminal);
        JsonNode debit = await().atMost(Duration.ofSeconds(30)).until(() -> firstDebit(probe), entry -> entry != null);
        long reserved = debit.get("released").asLong();
        assertThat(reserved).isGreaterThan(MAX_TOKENS);
        return reserved;
    }

    static JsonNode firstDebit(ApiClient user) {
        for (JsonNode item : user.get("/api/me/transactions").json().get("items")) {
            if ("DEBIT".equals(item.get("type").asString())) {
                return item;
            }
        }
        return null;
    }

    static ApiClient signUp() {
        var anonymous = system.api();
        String email = "quota-" + UUID.randomUUID() + "@example.com";
        assertThat(anonymous.post("/api/auth/register", Map.of("email", email, "password", "correct horse battery"))
                .status()).isEqualTo(201);
        return anonymous.as(anonymous.post("/api/auth/login", Map.of("email", email,
                "password", "correct horse battery")).json().get("accessToken").asString());
    }

    static boolean terminal(SseEvent event) {
        return event.name().equals("done") || event.name().equals("error");
    }

    /** The shared client has no PUT; this test's admin and integration calls need one. */
    static Response put(String path, String token, Object body) {
        var request = HttpRequest.newBuilder(URI.create(system.ingress.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)));
        request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
}
