package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * A client of the native SSE stream that goes away mid-answer cancels nothing: the stream is resumable (any
 * instance, {@code Last-Event-ID}), so the answer runs to its end, is stored and debited in full, and a client that
 * wants it stopped says so with {@code POST .../cancel}. (The {@code /v1} edge, whose clients cannot resume, cancels
 * instead: {@link OpenAiDisconnectIntegrationTest}.)
 */
class NativeStreamDisconnectIT extends IngressIntegrationTest {

    @Test
    void aClientThatDisconnectsMidAnswerLeavesTheAnswerToFinishAndBeStored() {
        User ann = signUp("ann");
        String conversation = createConversation(ann, null);
        JsonNode accepted = postMessage(ann, conversation, Map.of("content", "Tell me a long story"));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());

        HttpClient connection = HttpClient.newHttpClient();
        List<String> lines = new CopyOnWriteArrayList<>();
        connection.sendAsync(HttpRequest.newBuilder(api.uri(accepted.get("streamUrl").asText()))
                .header("Authorization", ann.bearer()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> Thread.ofVirtual().start(() -> {
                    try (var body = response.body()) {
                        body.forEach(lines::add);
                    } catch (RuntimeException dropped) {
                        // the test dropped the connection
                    }
                }));
        worker(request).delta(0, "Once upon");
        await().until(() -> lines.stream().anyMatch(line -> line.contains("Once upon")));

        connection.shutdownNow();
        // the server notices at its next write, which fails; the answer goes on
        worker(request).delta(1, " a time").delta(2, " there was").completed(3, "Once upon a time there was",
                FinishReason.STOP);

        JsonNode answer = awaitAnswer(ann, conversation, request.getMessageId(), "COMPLETED");
        assertThat(answer.get("content").asText()).isEqualTo("Once upon a time there was");
        assertThat(answer.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(kafka.find(Topics.CHAT_CONTROL, CancelRequested.class,
                cancel -> cancel.getRequestId().equals(request.getRequestId()))).isEmpty();

        // and the client can read it again, from where it was
        SseClient resumed = SseClient.open(api.http(), api.uri(accepted.get("streamUrl").asText()), ann.bearer(), "0");
        await().until(() -> resumed.ended);
        assertThat(resumed.names()).containsExactly("delta", "delta", "done");
    }
}
