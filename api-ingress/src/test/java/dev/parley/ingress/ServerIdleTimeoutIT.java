package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;

/**
 * The server's connection idle timeout bounds idle keep-alive connections, not answers: a /v1 call that waits longer
 * than it for its answer (silent: a non-streaming call writes nothing until then; a stream between its chunks) is
 * neither cut nor cancelled. Tomcat never applied its connection timeout to an asynchronous request; this holds Jetty
 * to the same.
 */
class ServerIdleTimeoutIT extends IngressIntegrationTest {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    @Autowired
    WebServerApplicationContext context;

    @Test
    void aSilentAnswerOutlastsTheIdleTimeout() {
        User user = signUp("patient");
        // on the shared context's server (a context of its own would start a second instance on the same database):
        // connections accepted from now on get the short timeout
        var connector = (ServerConnector) ((JettyWebServer) context.getWebServer()).getServer().getConnectors()[0];
        long configured = connector.getIdleTimeout();
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> plain = client.sendAsync(completion(user, false, "Plain"),
                    HttpResponse.BodyHandlers.ofString());
            ChatRequested plainRequest = awaitRequest(user, null);
            List<String> chunks = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> streamed = client.sendAsync(completion(user, true, "Streamed"),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                            .filter(line -> line.startsWith("data:")).forEach(chunks::add));
            ChatRequested streamedRequest = awaitRequest(user, plainRequest.getRequestId());
            await().until(() -> chunks.size() == 1); // the role chunk

            await().during(IDLE_TIMEOUT.multipliedBy(3)).atMost(IDLE_TIMEOUT.multipliedBy(10))
                    .until(() -> !plain.isDone() && !streamed.isDone());

            worker(plainRequest).delta(0, "Late").completed(1, "Late", FinishReason.STOP);
            worker(streamedRequest).delta(0, "Late").completed(1, "Late", FinishReason.STOP);
            HttpResponse<String> answer = plain.join();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"content\":\"Late\"");
            streamed.join();
            assertThat(chunks.getLast()).isEqualTo("data:[DONE]");
            assertThat(chunks).anyMatch(chunk -> chunk.contains("\"content\":\"Late\""));
        } finally {
            connector.setIdleTimeout(configured);
        }
        assertThat(kafka.findAll(Topics.CHAT_CONTROL, CancelRequested.class, cancel -> true)
                .stream().map(CancelRequested::getUserId)).doesNotContain(user.id());
    }

    HttpRequest completion(User user, boolean stream, String question) {
        return HttpRequest.newBuilder(api.uri("/v1/chat/completions"))
                .header("Authorization", user.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("model", "mock-1", "stream", stream,
                        "messages", List.of(Map.of("role", "user", "content", question))))))
                .build();
    }

    /** The user's request other than {@code other}. */
    ChatRequested awaitRequest(User user, String other) {
        return await().until(() -> kafka.find(Topics.CHAT_REQUESTS, ChatRequested.class,
                event -> event.getUserId().equals(user.id()) && !event.getRequestId().equals(other)),
                found -> found.isPresent()).get();
    }
}
