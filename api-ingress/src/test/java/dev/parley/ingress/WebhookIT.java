package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-request webhooks end to end: the test plays the worker on chat.stream and the receiver on a MockWebServer
 * (127.0.0.1 is allowed for these tests, ::1 and other internal addresses are not).
 */
class WebhookIT extends IngressIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    MockWebServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new MockWebServer();
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void finishedAnswerIsPostedOnceSignedWithItsFullContent() throws Exception {
        User ann = signUp("hook-ann");
        assertThat(api.get("/api/me/webhook-secret", ann.bearer()).body().get("exists").asBoolean()).isFalse();
        String secret = createSecret(ann);
        JsonNode described = api.get("/api/me/webhook-secret", ann.bearer()).body();
        assertThat(described.get("exists").asBoolean()).isTrue();
        assertThat(described.has("createdAt")).isTrue();
        assertThat(described.has("secret")).isFalse();
        String conversation = createConversation(ann, "Hooks");
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        JsonNode accepted = postMessage(ann, conversation, Map.of("content", "Hello hooks", "webhookUrl", hookUrl()));
        String messageId = accepted.get("messageId").asText();
        JsonNode waiting = message(ann, conversation, messageId).get("webhook");
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
        assertThat(waiting.get("url").asText()).isEqualTo(hookUrl());
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        worker(request).delta(0, "Hello ").completed(1, "Hello from the hook", FinishReason.STOP);

        RecordedRequest delivery = receiver.takeRequest(30, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.getMethod()).isEqualTo("POST");
        assertThat(delivery.getUrl().encodedPath()).isEqualTo("/hooks/parley");
        assertThat(delivery.getHeaders().get("Content-Type")).startsWith("application/json");
        String deliveryId = assertSigned(delivery, secret);
        JsonNode body = JSON.readTree(delivery.getBody().utf8());
        assertThat(body.get("type").asText()).isEqualTo("message.completed");
        assertThat(body.get("deliveryId").asText()).isEqualTo(deliveryId);
        assertThat(body.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(body.get("messageId").asText()).isEqualTo(messageId);
        assertThat(body.get("requestId").asText()).isEqualTo(request.getRequestId());
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("model").asText()).isEqualTo("mock-1");
        assertThat(body.get("content").asText()).isEqualTo("Hello from the hook");
        assertThat(body.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(body.at("/usage/inputTokens").asLong()).isEqualTo(12);
        assertThat(body.at("/usage/totalTokens").asLong()).isEqualTo(15);
        assertThat(body.has("error")).isFalse();
        assertThat(body.has("completedAt")).isTrue();

        JsonNode delivered = awaitWebhook(ann, conversation, messageId, "DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivered.has("deliveredAt")).isTrue();
        assertThat(delivered.has("lastError")).isFalse();

        // the terminal event delivered again (a redelivery) is stored again but makes no second delivery
        worker(request).completed(1, "Hello from the hook", FinishReason.STOP);
        awaitTerminalEventsStored();
        assertThat(receiver.getRequestCount()).isEqualTo(1);
        JsonNode after = api.get(messagesPath(conversation) + "/" + messageId, ann.bearer()).body().get("webhook");
        assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(after.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void receiverThatIsBusyTwiceGetsThreeAttemptsOfTheSameDelivery() throws Exception {
        User ben = signUp("hook-ben");
        String secret = createSecret(ben);
        String conversation = createConversation(ben, "Busy receiver");
        receiver.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        receiver.enqueue(new MockResponse.Builder().code(503).body("still busy").build());
        receiver.enqueue(new MockResponse.Builder().code(204).build());

        JsonNode accepted = postMessage(ben, conversation, Map.of("content", "Hi", "webhookUrl", hookUrl()));
        worker(awaitChatRequested(accepted.get("requestId").asText())).completed(0, "Hello", FinishReason.STOP);

        JsonNode delivered = awaitWebhook(ben, conversation, accepted.get("messageId").asText(), "DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(receiver.getRequestCount()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            RecordedRequest recorded = receiver.takeRequest(5, TimeUnit.SECONDS);
            ids.add(assertSigned(recorded, secret));
            bodies.add(recorded.getBody().utf8());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(bodies).containsOnly(bodies.getFirst());
    }

    @Test
    void receiverRefusingFailsAtOnceAndRegenerateAsksForItsOwnWebhook() throws Exception {
        User cid = signUp("hook-cid");
        createSecret(cid);
        String conversation = createConversation(cid, "Refusing receiver");
        receiver.enqueue(new MockResponse.Builder().code(400).body("unknown hook\n").build());

        JsonNode accepted = postMessage(cid, conversation, Map.of("content", "Hi", "webhookUrl", hookUrl()));
        String messageId = accepted.get("messageId").asText();
        worker(awaitChatRequested(accepted.get("requestId").asText()))
                .failed(0, "Partial", "provider_error", "The provider failed");

        JsonNode failed = awaitWebhook(cid, conversation, messageId, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(400);
        assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 400: unknown hook");
        assertThat(failed.has("deliveredAt")).isFalse();
        assertThat(receiver.getRequestCount()).isEqualTo(1);
        JsonNode body = JSON.readTree(receiver.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.get("type").asText()).isEqualTo("message.failed");
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.at("/error/code").asText()).isEqualTo("provider_error");
        assertThat(body.get("content").asText()).isEqualTo("Partial");

        receiver.enqueue(new MockResponse.Builder().code(200).build());
        ApiClient.Response regenerated = api.post(messagesPath(conversation) + "/" + messageId + "/regenerate",
                cid.bearer(), ApiClient.json(Map.of("webhookUrl", hookUrl() + "?again")));
        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(202);
        String again = regenerated.body().get("messageId").asText();
        assertThat(message(cid, conversation, again).at("/webhook/url").asText()).isEqualTo(hookUrl() + "?again");
        worker(awaitChatRequested(regenerated.body().get("requestId").asText()))
                .completed(0, "Stopped", FinishReason.CANCELLED);
        awaitWebhook(cid, conversation, again, "DELIVERED");
        RecordedRequest second = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertThat(second.getUrl().encodedQuery()).isEqualTo("again");
        assertThat(JSON.readTree(second.getBody().utf8()).get("type").asText()).isEqualTo("message.cancelled");
        // the first answer's failed delivery stays as it was
        assertThat(receiver.getRequestCount()).isEqualTo(2);
    }

    @Test
    void receiverThatStaysBusyIsGivenUpAfterTheMaximumAttempts() {
        User dee = signUp("hook-dee");
        createSecret(dee);
        String conversation = createConversation(dee, "Always busy");
        for (int i = 0; i < 4; i++) {
            receiver.enqueue(new MockResponse.Builder().code(500).build());
        }

        JsonNode accepted = postMessage(dee, conversation, Map.of("content", "Hi", "webhookUrl", hookUrl()));
        worker(awaitChatRequested(accepted.get("requestId").asText())).completed(0, "Hello", FinishReason.STOP);

        JsonNode failed = awaitWebhook(dee, conversation, accepted.get("messageId").asText(), "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("lastError").asText()).isEqualTo("gave up after 4 attempts; last: HTTP 500");
        assertThat(receiver.getRequestCount()).isEqualTo(4);
    }

    @Test
    void internalAddressesAreRefusedAtPostTimeAndNothingIsReservedOrStored() {
        User eve = signUp("hook-eve");
        createSecret(eve);
        String conversation = createConversation(eve, "Refused");

        for (String url : List.of("http://[::1]:" + receiver.getPort() + "/hooks", "http://10.0.0.7/hooks",
                "http://169.254.169.254/latest/meta-data")) {
            ApiClient.Response refused = api.post(messagesPath(conversation), eve.bearer(),
                    ApiClient.json(Map.of("content", "Hi", "webhookUrl", url)));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:outbound-address-refused");
            assertThat(refused.body().get("detail").asText()).contains("internal address");
        }

        assertThat(api.get(messagesPath(conversation), eve.bearer()).body().get("total").asLong()).isZero();
        assertThat(AccountingStub.calls("POST", "/internal/reservations"))
                .noneMatch(call -> eve.id().equals(call.body().get("userId").asText()));
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void aWebhookNeedsASecretFirst() {
        User fay = signUp("hook-fay");
        String conversation = createConversation(fay, "No secret");

        ApiClient.Response refused = api.post(messagesPath(conversation), fay.bearer(),
                ApiClient.json(Map.of("content", "Hi", "webhookUrl", hookUrl())));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:webhook-secret-missing");
        assertThat(refused.body().get("detail").asText()).contains("POST /api/me/webhook-secret");
        assertThat(api.get(messagesPath(conversation), fay.bearer()).body().get("total").asLong()).isZero();
        assertThat(AccountingStub.calls("POST", "/internal/reservations"))
                .noneMatch(call -> fay.id().equals(call.body().get("userId").asText()));
    }

    @Test
    void anotherUsersAnswerAndItsWebhookStayHidden() {
        User gil = signUp("hook-gil");
        User hal = signUp("hook-hal");
        createSecret(gil);
        String conversation = createConversation(gil, "Mine");
        JsonNode accepted = postMessage(gil, conversation, Map.of("content", "Hi", "webhookUrl", hookUrl()));
        String messageId = accepted.get("messageId").asText();

        assertNotFound(api.get(messagesPath(conversation) + "/" + messageId, hal.bearer()));
        assertNotFound(api.get(messagesPath(conversation), hal.bearer()));
        assertThat(api.get("/api/me/webhook-secret", hal.bearer()).body().get("exists").asBoolean()).isFalse();
        assertThat(message(gil, conversation, messageId).at("/webhook/status").asText()).isEqualTo("WAITING");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getPort() + "/hooks/parley";
    }

    String createSecret(User user) {
        ApiClient.Response created = api.post("/api/me/webhook-secret", user.bearer(), null);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("secret").asText();
    }

    JsonNode awaitWebhook(User user, String conversation, String messageId, String status) {
        return await().until(() -> api.get(messagesPath(conversation) + "/" + messageId, user.bearer()).body()
                .path("webhook"), webhook -> status.equals(webhook.path("status").asText()));
    }

    /** Checks the signature as a receiver would, and returns the delivery id. */
    static String assertSigned(RecordedRequest delivery, String secret) throws Exception {
        String id = delivery.getHeaders().get("Parley-Webhook-Id");
        String timestamp = delivery.getHeaders().get("Parley-Webhook-Timestamp");
        assertThat(id).isNotBlank();
        assertThat(Long.parseLong(timestamp)).isPositive();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + delivery.getBody().utf8())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(delivery.getHeaders().get("Parley-Signature")).isEqualTo("v1=" + HexFormat.of().formatHex(expected));
        return id;
    }

    /** Waits until the persisting consumer group has committed everything on chat.stream, i.e. stored it. */
    void awaitTerminalEventsStored() {
        long end = kafka.endOffsetSum(Topics.CHAT_STREAM);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            await().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("api-ingress")
                        .partitionsToOffsetAndMetadata().get();
                return committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(Topics.CHAT_STREAM))
                        .mapToLong(entry -> entry.getValue().offset()).sum();
            }, sum -> sum >= end);
        }
    }
}
