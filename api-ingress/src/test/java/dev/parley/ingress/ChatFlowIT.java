package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import tools.jackson.databind.JsonNode;

/** The native chat flow: posting, streaming, storing, cancelling, and who may see what. */
class ChatFlowIT extends IngressIntegrationTest {

    @Test
    void messageStreamsToTheClientAndIsStoredWithItsUsage() {
        User ann = signUp("ann");
        String conversation = createConversation(ann, "Trip");

        JsonNode accepted = postMessage(ann, conversation, Map.of("content", "Hello there", "temperature", 0.7,
                "maxTokens", 256));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        assertThat(request.getUserId()).isEqualTo(ann.id());
        assertThat(request.getConversationId()).isEqualTo(conversation);
        assertThat(request.getMessageId()).isEqualTo(accepted.get("messageId").asText());
        assertThat(request.getProvider()).isEqualTo("mock");
        assertThat(request.getModel()).isEqualTo("mock-1");
        assertThat(request.getMessages()).containsExactly(new ChatMessage(ChatRole.USER, "Hello there", List.of()));
        assertThat(request.getParameters().getTemperature()).isEqualTo(0.7);
        assertThat(request.getParameters().getMaxTokens()).isEqualTo(256);

        // two deltas before anyone listens, the rest while the client is connected
        worker(request).delta(0, "Hel").delta(1, "lo");
        SseClient client = SseClient.open(api.http(), api.uri(accepted.get("streamUrl").asText()), ann.bearer(), null);
        // the stream has started: the answer was still pending when the client subscribed
        await().until(() -> client.status == 200);
        worker(request).delta(2, " world").completed(3, "Hello world", FinishReason.STOP);

        await().until(() -> client.ended);
        assertThat(client.status).isEqualTo(200);
        assertThat(client.contentType).startsWith("text/event-stream");
        assertThat(client.names()).containsExactly("delta", "delta", "delta", "done");
        assertThat(client.ids()).containsExactly("0", "1", "2", "3");
        assertThat(client.events.subList(0, 3)).extracting(event -> event.data().get("text").asText())
                .containsExactly("Hel", "lo", " world");
        JsonNode done = client.events.get(3).data();
        assertThat(done.get("messageId").asText()).isEqualTo(request.getMessageId());
        assertThat(done.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(done.get("content").asText()).isEqualTo("Hello world");
        assertThat(done.at("/usage/inputTokens").asLong()).isEqualTo(12);
        assertThat(done.at("/usage/outputTokens").asLong()).isEqualTo(3);
        assertThat(done.at("/usage/totalTokens").asLong()).isEqualTo(15);
        assertThat(done.at("/usage/source").asText()).isEqualTo("PROVIDER_REPORTED");

        JsonNode answer = awaitAnswer(ann, conversation, request.getMessageId(), "COMPLETED");
        assertThat(answer.get("content").asText()).isEqualTo("Hello world");
        assertThat(answer.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(answer.at("/usage/totalTokens").asLong()).isEqualTo(15);
        assertThat(answer.get("requestId").asText()).isEqualTo(request.getRequestId());
        assertThat(answer.has("completedAt")).isTrue();
        JsonNode messages = api.get(messagesPath(conversation), ann.bearer()).body();
        assertThat(messages.get("total").asLong()).isEqualTo(2);
        assertThat(messages.at("/items/0/role").asText()).isEqualTo("USER");
        assertThat(messages.at("/items/0/id").asText()).isEqualTo(accepted.get("userMessageId").asText());

        // a reconnect resumes after the last event the client had
        SseClient resumed = SseClient.open(api.http(), api.uri(accepted.get("streamUrl").asText()), ann.bearer(), "1");
        await().until(() -> resumed.ended);
        assertThat(resumed.ids()).containsExactly("2", "3");
        assertThat(resumed.names()).containsExactly("delta", "done");
    }

    @Test
    void recordsLabelledWithTheirKindAreStreamedWholeAndTheirTerminalEventsStored() {
        User cy = signUp("cy");
        String conversation = createConversation(cy, null);
        JsonNode accepted = postMessage(cy, conversation, Map.of("content", "Labelled?"));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        SseClient client = SseClient.open(api.http(), api.uri(accepted.get("streamUrl").asText()), cy.bearer(), null);
        // the stream's status and headers come before its first event (an opening comment carries them)
        await().until(() -> client.status == 200);
        assertThat(client.events).isEmpty();

        // the persisting consumer skips the labelled deltas undecoded; the fan-out consumer still streams them
        worker(request).labelled().delta(0, "Yes, ").delta(1, "labelled").completed(2, "Yes, labelled",
                FinishReason.STOP);

        await().until(() -> client.ended);
        assertThat(client.names()).containsExactly("delta", "delta", "done");
        assertThat(awaitAnswer(cy, conversation, request.getMessageId(), "COMPLETED").get("content").asText())
                .isEqualTo("Yes, labelled");

        JsonNode failing = postMessage(cy, conversation, Map.of("content", "And a failure?"));
        ChatRequested second = awaitChatRequested(failing.get("requestId").asText());
        worker(second).labelled().delta(0, "Part").failed(1, "Part", "provider_error", "The provider failed");
        JsonNode failed = awaitAnswer(cy, conversation, second.getMessageId(), "FAILED");
        assertThat(failed.get("content").asText()).isEqualTo("Part");
        assertThat(failed.at("/error/code").asText()).isEqualTo("provider_error");
    }

    @Test
    void answerIsStoredWhenNoClientIsConnectedAndFeedsTheNextContext() {
        User bob = signUp("bob");
        String conversation = createConversation(bob, null);
        ChatRequested first = awaitChatRequested(postMessage(bob, conversation, Map.of("content", "First?"))
                .get("requestId").asText());
        worker(first).completed(0, "First answer", FinishReason.STOP);
        awaitAnswer(bob, conversation, first.getMessageId(), "COMPLETED");

        JsonNode accepted = postMessage(bob, conversation, Map.of("content", "Second?", "model", "mock-error"));
        ChatRequested second = awaitChatRequested(accepted.get("requestId").asText());
        assertThat(second.getModel()).isEqualTo("mock-error");
        assertThat(second.getMessages()).containsExactly(
                new ChatMessage(ChatRole.USER, "First?", List.of()),
                new ChatMessage(ChatRole.ASSISTANT, "First answer", List.of()),
                new ChatMessage(ChatRole.USER, "Second?", List.of()));
        assertThat(second.getParameters().getTemperature()).isNull();
        worker(second).delta(0, "Sec").completed(1, "Second answer", FinishReason.LENGTH);

        JsonNode answer = awaitAnswer(bob, conversation, second.getMessageId(), "COMPLETED");
        assertThat(answer.get("content").asText()).isEqualTo("Second answer");
        assertThat(answer.get("finishReason").asText()).isEqualTo("LENGTH");
        JsonNode list = api.get("/api/conversations", bob.bearer()).body();
        assertThat(list.at("/items/0/id").asText()).isEqualTo(conversation);
    }

    @Test
    void answerFinishedWhileNoInstanceWatchedIsReplayedFromTheDatabase() {
        String bearer = TestTokens.bearer(BACKLOG_USER);
        JsonNode answer = awaitAnswer(new User(BACKLOG_USER, bearer), BACKLOG_CONVERSATION, BACKLOG_MESSAGE,
                "COMPLETED");
        assertThat(answer.get("content").asText()).isEqualTo("Answer from before");
        String stream = messagesPath(BACKLOG_CONVERSATION) + "/" + BACKLOG_MESSAGE + "/stream";

        SseClient fresh = SseClient.open(api.http(), api.uri(stream), bearer, null);
        await().until(() -> fresh.ended);
        assertThat(fresh.names()).containsExactly("delta", "done");
        assertThat(fresh.events.get(0).data().get("text").asText()).isEqualTo("Answer from before");
        assertThat(fresh.events.get(1).id()).isEqualTo("2");
        assertThat(fresh.events.get(1).data().get("content").asText()).isEqualTo("Answer from before");

        SseClient reconnected = SseClient.open(api.http(), api.uri(stream), bearer, "1");
        await().until(() -> reconnected.ended);
        assertThat(reconnected.names()).containsExactly("done");
    }

    @Test
    void cancelPublishesCancelRequestedAndAFinishedAnswerCannotBeCancelled() {
        User cid = signUp("cid");
        String conversation = createConversation(cid, "Long story");
        ChatRequested request = awaitChatRequested(postMessage(cid, conversation, Map.of("content", "Tell me all"))
                .get("requestId").asText());
        String cancelPath = messagesPath(conversation) + "/" + request.getMessageId() + "/cancel";

        ApiClient.Response cancel = api.post(cancelPath, cid.bearer(), null);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.body().get("status").asText()).isEqualTo("CANCEL_REQUESTED");
        assertThat(cancel.body().get("requestId").asText()).isEqualTo(request.getRequestId());
        CancelRequested cancelled = await().until(() -> kafka.find(Topics.CHAT_CONTROL, CancelRequested.class,
                event -> event.getRequestId().equals(request.getRequestId())), found -> found.isPresent()).get();
        assertThat(cancelled.getUserId()).isEqualTo(cid.id());

        worker(request).delta(0, "Once").completed(1, "Once", FinishReason.CANCELLED);
        awaitAnswer(cid, conversation, request.getMessageId(), "CANCELLED");
        ApiClient.Response again = api.post(cancelPath, cid.bearer(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("urn:parley:problem:conflict");
    }

    @Test
    void anotherUsersConversationIsNotFoundEverywhere() {
        User owner = signUp("owner");
        String conversation = createConversation(owner, "Private");
        ChatRequested request = awaitChatRequested(postMessage(owner, conversation, Map.of("content", "Secret"))
                .get("requestId").asText());
        String message = messagesPath(conversation) + "/" + request.getMessageId();
        User intruder = signUp("intruder");

        assertNotFound(api.get("/api/conversations/" + conversation, intruder.bearer()));
        assertNotFound(api.get(messagesPath(conversation), intruder.bearer()));
        assertNotFound(api.post(messagesPath(conversation), intruder.bearer(), ApiClient.json(Map.of("content", "Hi"))));
        assertNotFound(api.post(message + "/cancel", intruder.bearer(), null));
        SseClient stream = SseClient.open(api.http(), api.uri(message + "/stream"), intruder.bearer(), null);
        await().until(() -> stream.ended);
        assertThat(stream.status).isEqualTo(404);
        assertThat(stream.body).contains("urn:parley:problem:not-found");
        assertThat(api.get("/api/conversations", intruder.bearer()).body().get("total").asLong()).isZero();

        // API keys: another user's key cannot be revoked, and the intruder's own key sees nothing of the owner's
        createApiKey(owner, "owner's key");
        String ownerKeyId = api.get("/api/keys", owner.bearer()).body().get(0).get("id").asText();
        assertNotFound(api.delete("/api/keys/" + ownerKeyId, intruder.bearer()));
        assertThat(api.get("/api/keys", owner.bearer()).body().get(0).get("revoked").asBoolean()).isFalse();
        assertThat(api.get("/api/keys", intruder.bearer()).body()).isEmpty();
        String intruderKey = "Bearer " + createApiKey(intruder, "intruder's key");
        assertNotFound(api.get("/api/conversations/" + conversation, intruderKey));
        assertNotFound(api.get(messagesPath(conversation), intruderKey));
        assertNotFound(api.post(message + "/cancel", intruderKey, null));
    }

    @Test
    void exhaustedBalanceIsRefusedWithoutPublishingOrStoring() {
        User dan = signUp("dan");
        String conversation = createConversation(dan, null);
        AccountingStub.BALANCES.put(dan.id(), 0L);
        long published = kafka.endOffsetSum(Topics.CHAT_REQUESTS);

        ApiClient.Response refused = api.post(messagesPath(conversation), dan.bearer(),
                ApiClient.json(Map.of("content", "Hello")));

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:quota-exhausted");
        assertThat(kafka.endOffsetSum(Topics.CHAT_REQUESTS)).isEqualTo(published);
        assertThat(api.get(messagesPath(conversation), dan.bearer()).body().get("total").asLong()).isZero();
        assertThat(management.get("/actuator/prometheus", null).text())
                .containsPattern("parley_ingress_messages_rejected_total\\{[^}]*reason=\"quota_exhausted\"");
    }

    @Test
    void unreachableAccountingAndUnknownModelsAreProblems() {
        User eve = signUp("eve");
        String conversation = createConversation(eve, null);

        ApiClient.Response unknown = api.post(messagesPath(conversation), eve.bearer(),
                ApiClient.json(Map.of("content", "Hello", "model", "gpt-99")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("type").asText()).isEqualTo("urn:parley:problem:model-unknown");

        AccountingStub.BALANCES.put(eve.id(), AccountingStub.UNREACHABLE);
        ApiClient.Response unavailable = api.post(messagesPath(conversation), eve.bearer(),
                ApiClient.json(Map.of("content", "Hello")));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body().get("type").asText()).isEqualTo("urn:parley:problem:unavailable");
        assertThat(api.get("/api/me/usage", eve.bearer()).status()).isEqualTo(503);
    }

    @Test
    void accountLifecycleAndPublicEndpoints() {
        User fay = signUp("fay");
        ApiClient.Response duplicate = api.post("/api/auth/register", null,
                ApiClient.json(Map.of("email", fay.email().toUpperCase(), "password", "another password")));
        assertThat(duplicate.status()).isEqualTo(409);

        JsonNode me = api.get("/api/auth/me", fay.bearer()).body();
        assertThat(me.get("email").asText()).isEqualTo(fay.email());
        assertThat(me.get("roles").get(0).asText()).isEqualTo("USER");

        ApiClient.Response wrong = api.post("/api/auth/login", null,
                ApiClient.json(Map.of("email", fay.email(), "password", "not the password")));
        ApiClient.Response nobody = api.post("/api/auth/login", null,
                ApiClient.json(Map.of("email", "nobody@example.com", "password", "not the password")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(wrong.body().get("detail")).isEqualTo(nobody.body().get("detail"));

        JsonNode rotated = api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", fay.refresh())))
                .body();
        assertThat(rotated.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", fay.refresh())))
                .status()).isEqualTo(401);
        String newRefresh = rotated.get("refreshToken").asText();
        assertThat(api.post("/api/auth/logout", "Bearer " + rotated.get("accessToken").asText(),
                ApiClient.json(Map.of("refreshToken", newRefresh))).status()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", newRefresh)))
                .status()).isEqualTo(401);

        JsonNode usage = api.get("/api/me/usage", fay.bearer()).body();
        assertThat(usage.get("userId").asText()).isEqualTo(fay.id());
        assertThat(usage.get("balance").asLong()).isEqualTo(100_000);
        JsonNode models = api.get("/api/models", fay.bearer()).body();
        assertThat(models.get(0).get("id").asText()).isEqualTo("mock-1");
        assertThat(models.get(0).get("default").asBoolean()).isTrue();
        assertThat(models).hasSize(2);

        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        // the public port serves no operations endpoint, with a token or without
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", fay.bearer()).status()).isEqualTo(404);
        assertThat(api.get("/api/models", null).status()).isEqualTo(401);
        ApiClient.Response missing = api.get("/api/nothing-here", fay.bearer());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("type").asText()).isEqualTo("urn:parley:problem:not-found");
        // refused by the firewall before any controller: still a problem
        ApiClient.Response rejected = api.get("/api/conversations;jsessionid=x", fay.bearer());
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("type").asText()).isEqualTo("urn:parley:problem:malformed-request");
    }
}
