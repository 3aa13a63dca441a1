package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;
import dev.parley.events.UsageSource;
import tools.jackson.databind.JsonNode;

/** /api/ws/stream: the SSE stream's events as WebSocket frames, with the same ownership and replay. */
class SocketStreamIT extends IngressIntegrationTest {

    @Test
    void subscriptionGetsDeltasInOrderThenDone() {
        User ann = signUp("ws-ann");
        String conversation = createConversation(ann, null);
        ChatRequested request = awaitChatRequested(postMessage(ann, conversation, Map.of("content", "Hi"))
                .get("requestId").asText());
        SocketClient client = SocketClient.connect(api.http(), port, token(ann), false);

        client.subscribe(conversation, request.getMessageId());
        worker(request).delta(0, "Hel").delta(1, "lo").completed(2, "Hello", FinishReason.STOP);

        await().until(() -> client.frames.size() == 3);
        assertThat(client.types()).containsExactly("delta", "delta", "done");
        assertThat(client.frames).extracting(frame -> frame.get("id").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(client.frames.get(1).get("text").asText()).isEqualTo("lo");
        JsonNode done = client.frames.get(2);
        assertThat(done.get("messageId").asText()).isEqualTo(request.getMessageId());
        assertThat(done.get("content").asText()).isEqualTo("Hello");
        assertThat(done.at("/usage/totalTokens").asLong()).isEqualTo(15);
        assertThat(client.closeCode).isEqualTo(-1); // the connection stays open for other answers
        client.close();
    }

    @Test
    void workerTakeoverResetsTheClientsOfBothTransports() {
        User ann = signUp("ws-takeover");
        String conversation = createConversation(ann, null);
        JsonNode accepted = postMessage(ann, conversation, Map.of("content", "Hi"));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        SocketClient socket = SocketClient.connect(api.http(), port, token(ann), false);
        socket.subscribe(conversation, request.getMessageId());
        SseClient sse = SseClient.open(api.http(), api.uri(accepted.get("streamUrl").asText()), ann.bearer(), null);
        await().until(() -> sse.status == 200);

        emit(request, "attempt-a", 0, new TokensGenerated("dead worker's text"));
        emit(request, "attempt-b", 0, new TokensGenerated("Hello"));
        emit(request, "attempt-b", 1, new ChatCompleted("Hello", FinishReason.STOP,
                new TokenUsage(1L, 1L, 0L, 0L, UsageSource.PROVIDER_REPORTED)));

        await().until(() -> socket.frames.size() == 4 && sse.ended);
        assertThat(socket.types()).containsExactly("delta", "reset", "delta", "done");
        assertThat(socket.frames).extracting(frame -> frame.get("id").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(socket.frames.get(1).get("attemptId").asText()).isEqualTo("attempt-b");
        assertThat(sse.names()).containsExactly("delta", "reset", "delta", "done");
        assertThat(sse.ids()).containsExactly("0", "1", "2", "3");
        assertThat(sse.events.get(1).data().get("attemptId").asText()).isEqualTo("attempt-b");
        socket.close();
    }

    @Test
    void apiDescriptionMentionsTheWebSocket() {
        JsonNode docs = api.get("/v3/api-docs", null).body();

        assertThat(docs.at("/info/description").asText()).contains("/api/ws/stream", "access_token");
    }

    @Test
    void finishedAnswerIsReplayedFromTheDatabase() {
        String bearer = TestTokens.bearer(BACKLOG_USER);
        awaitAnswer(new User(BACKLOG_USER, bearer), BACKLOG_CONVERSATION, BACKLOG_MESSAGE, "COMPLETED");
        SocketClient client = SocketClient.connect(api.http(), port, bearer.substring("Bearer ".length()), true);

        client.subscribe(BACKLOG_CONVERSATION, BACKLOG_MESSAGE);

        await().until(() -> client.frames.size() == 2);
        assertThat(client.types()).containsExactly("delta", "done");
        assertThat(client.frames.get(0).get("text").asText()).isEqualTo("Answer from before");
        assertThat(client.frames.get(1).get("id").asLong()).isEqualTo(2);
        assertThat(client.frames.get(1).get("content").asText()).isEqualTo("Answer from before");
        client.close();
    }

    @Test
    void anotherUsersAnswerIsNotFoundAndClosesTheConnection() {
        User owner = signUp("ws-owner");
        String conversation = createConversation(owner, null);
        ChatRequested request = awaitChatRequested(postMessage(owner, conversation, Map.of("content", "Mine"))
                .get("requestId").asText());
        SocketClient intruder = SocketClient.connect(api.http(), port, token(signUp("ws-intruder")), false);

        intruder.subscribe(conversation, request.getMessageId());

        await().until(() -> intruder.closeCode != -1);
        assertThat(intruder.closeCode).isEqualTo(1008);
        assertThat(intruder.types()).containsExactly("error");
        assertThat(intruder.frames.get(0).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void malformedFrameIsABadRequest() {
        SocketClient client = SocketClient.connect(api.http(), port, token(signUp("ws-bad")), false);

        client.send("{not json");
        client.send("{\"type\":\"subscribe\"}");

        await().until(() -> client.frames.size() == 2);
        assertThat(client.frames).extracting(frame -> frame.get("code").asText())
                .containsExactly("bad_request", "bad_request");
        client.close();
    }

    @Test
    void invalidTokenCannotConnect() {
        Throwable failure = catchThrowable(() -> api.http().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/ws/stream?access_token=not-a-token"),
                        new WebSocket.Listener() {
                        })
                .join());

        assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(401);
    }

    private void emit(ChatRequested request, String attemptId, long sequence, Object payload) {
        kafka.publish(Topics.CHAT_STREAM, request.getRequestId(), new ChatStreamed(request.getRequestId(),
                request.getUserId(), request.getConversationId(), request.getMessageId(), sequence, Instant.now(),
                payload, attemptId, "test-worker"));
    }

    private static String token(User user) {
        return user.bearer().substring("Bearer ".length());
    }
}
