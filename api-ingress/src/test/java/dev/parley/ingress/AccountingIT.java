package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import tools.jackson.databind.JsonNode;

/** Admission by reservation, roles, the admin and integration endpoints and the usage summary, against the stub. */
class AccountingIT extends IngressIntegrationTest {

    User admin;

    @BeforeAll
    void registerTheConfiguredAdmin() {
        admin = admin();
    }

    @Test
    void reservationPrecedesPublishingAndBoundsTheOutput() {
        User gus = signUp("gus");
        String conversation = createConversation(gus, null);

        ChatRequested byDefault = awaitChatRequested(postMessage(gus, conversation, Map.of("content", "Hello there"))
                .get("requestId").asText());
        JsonNode reservation = reservationOf(byDefault.getRequestId());
        assertThat(byDefault.getParameters().getMaxTokens()).isEqualTo(1024);
        assertThat(reservation.get("maxOutputTokens").asLong()).isEqualTo(1024);
        assertThat(reservation.get("estimatedInputTokens").asLong()).isPositive();
        assertThat(reservation.get("userId").asText()).isEqualTo(gus.id());
        assertThat(reservation.get("model").asText()).isEqualTo("mock-1");
        assertThat(reservation.get("ownKey").asBoolean()).isFalse();

        ChatRequested limited = awaitChatRequested(postMessage(gus, conversation, Map.of("content", "Be brief",
                "maxTokens", 50)).get("requestId").asText());
        assertThat(limited.getParameters().getMaxTokens()).isEqualTo(50);
        assertThat(reservationOf(limited.getRequestId()).get("maxOutputTokens").asLong()).isEqualTo(50);
        // both were published, so neither reservation was given back
        assertThat(AccountingStub.calls("DELETE", "/internal/reservations/"))
                .noneMatch(call -> call.query().contains(gus.id()));

        JsonNode usage = api.get("/api/me/usage", gus.bearer()).body();
        assertThat(usage.get("reserved").asLong()).isEqualTo(7);
        assertThat(usage.get("available").asLong()).isEqualTo(100_000 - 7);
    }

    @Test
    void tooManyRequestsInFlightIsA429AndPublishesNothing() {
        User hal = signUp("hal");
        String conversation = createConversation(hal, null);
        AccountingStub.BALANCES.put(hal.id(), AccountingStub.TOO_MANY);
        long published = kafka.endOffsetSum(Topics.CHAT_REQUESTS);

        ApiClient.Response refused = api.post(messagesPath(conversation), hal.bearer(),
                ApiClient.json(Map.of("content", "Hello")));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:too-many-reservations");
        assertThat(kafka.endOffsetSum(Topics.CHAT_REQUESTS)).isEqualTo(published);
        assertThat(api.get(messagesPath(conversation), hal.bearer()).body().get("total").asLong()).isZero();
    }

    @Test
    void configuredEmailMakesAnAdminWhoseApiKeysCarryTheRole() {
        JsonNode me = api.get("/api/auth/me", admin.bearer()).body();
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("USER", "ADMIN");
        User ivy = signUp("ivy");

        ApiClient.Response set = api.put("/api/admin/users/" + ivy.id() + "/balance", admin.bearer(),
                ApiClient.json(Map.of("balance", 777)));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().get("available").asLong()).isEqualTo(777);
        assertThat(AccountingStub.calls("PUT", "/internal/admin/accounts/" + ivy.id() + "/balance"))
                .extracting(call -> call.body().get("balance").asLong()).containsExactly(777L);
        JsonNode listed = api.get("/api/admin/users?q=" + ivy.email(), admin.bearer()).body();
        assertThat(listed.at("/items/0/credits/balance").asLong()).isEqualTo(777);
        JsonNode detail = api.get("/api/admin/users/" + ivy.id(), admin.bearer()).body();
        assertThat(detail.at("/credits/available").asLong()).isEqualTo(777);
        assertThat(detail.get("grants").isArray()).isTrue();

        assertNotFound(api.put("/api/admin/users/no-such-user/balance", admin.bearer(),
                ApiClient.json(Map.of("balance", 1))));
        ApiClient.Response forbidden = api.put("/api/admin/users/" + ivy.id() + "/balance", ivy.bearer(),
                ApiClient.json(Map.of("balance", 1_000_000)));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("type").asText()).isEqualTo("urn:parley:problem:forbidden");

        String adminKey = "Bearer " + createApiKey(admin, "admin key");
        assertThat(api.get("/api/admin/usage?groupBy=model", adminKey).status()).isEqualTo(200);
        String userKey = "Bearer " + createApiKey(ivy, "user key");
        assertThat(api.get("/api/admin/usage?groupBy=model", userKey).status()).isEqualTo(403);
        assertThat(api.get("/api/providers", adminKey).status()).isEqualTo(200);
        assertThat(api.get("/api/providers", userKey).status()).isEqualTo(403);
        assertThat(api.get("/api/providers/mock", ivy.bearer()).status()).isEqualTo(403);
    }

    @Test
    void integrationTokenSetsAQuotaByExternalIdCreatingTheUserOnce() {
        String externalId = "crm-" + UUID.randomUUID();
        String path = "/api/integrations/users/" + externalId + "/quota";
        String integration = "Bearer " + INTEGRATION_TOKEN;

        ApiClient.Response created = api.put(path, integration, ApiClient.json(Map.of("balance", 5000,
                "refill", Map.of("amount", 100, "interval", "P1D"), "displayName", "From the CRM")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String userId = created.body().get("userId").asText();
        assertThat(created.body().get("created").asBoolean()).isTrue();
        assertThat(created.body().get("balance").asLong()).isEqualTo(5000);
        assertThat(AccountingStub.calls("PUT", "/internal/admin/accounts/" + userId + "/refill"))
                .extracting(call -> call.body().get("interval").asText()).containsExactly("PT24H");

        ApiClient.Response again = api.put(path, integration, ApiClient.json(Map.of("balance", 6000)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("userId").asText()).isEqualTo(userId);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        // the created user is a real user: admins can manage it
        assertThat(api.put("/api/admin/users/" + userId + "/balance", admin.bearer(),
                ApiClient.json(Map.of("balance", 1))).status()).isEqualTo(200);

        assertThat(api.put(path, admin.bearer(), ApiClient.json(Map.of("balance", 1))).status()).isEqualTo(401);
        assertThat(api.get("/api/me/usage", integration).status()).isEqualTo(401);
    }

    @Test
    void usageSummaryRunsThroughThePipelineInANewConversationOfTheAdmin() {
        ApiClient.Response accepted = api.post("/api/admin/usage/summary", admin.bearer(),
                ApiClient.json(Map.of("from", "2025-03-01", "to", "2025-03-31", "groupBy", "model")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String conversation = accepted.body().get("conversationId").asText();

        ChatRequested request = awaitChatRequested(accepted.body().get("requestId").asText());
        assertThat(request.getUserId()).isEqualTo(admin.id());
        assertThat(request.getMessages()).extracting(message -> message.getRole())
                .containsExactly(ChatRole.SYSTEM, ChatRole.USER);
        assertThat(request.getMessages().get(1).getContent()).contains("| mock-1 | 3 | 30 | 12 | 0 | 42 |");
        assertThat(AccountingStub.calls("GET", "/internal/admin/usage"))
                .anySatisfy(call -> assertThat(call.query()).contains("groupBy=model").contains("from=2025-03-01"));
        assertThat(reservationOf(request.getRequestId()).get("userId").asText()).isEqualTo(admin.id());
        JsonNode title = api.get("/api/conversations/" + conversation, admin.bearer()).body().get("title");
        assertThat(title.asText()).isEqualTo("Usage summary 2025-03-01..2025-03-31");

        worker(request).delta(0, "Usage was ").completed(1, "Usage was light.", FinishReason.STOP);
        SseClient stream = SseClient.open(api.http(), api.uri(accepted.body().get("streamUrl").asText()),
                admin.bearer(), null);
        await().until(() -> stream.ended);
        assertThat(stream.names().getLast()).isEqualTo("done");
    }

    JsonNode reservationOf(String requestId) {
        List<AccountingStub.Call> calls = AccountingStub.reservations().stream()
                .filter(call -> call.body().get("reservationId").asText().equals(requestId))
                .toList();
        assertThat(calls).hasSize(1);
        return calls.getFirst().body();
    }
}
