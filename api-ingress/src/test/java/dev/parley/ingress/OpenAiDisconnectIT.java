package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;

/**
 * A client that drops its streaming /v1 completion cancels the generation (the same CancelRequested as the native
 * cancel), once; a client that reads its stream to the end cancels nothing. Real sockets: the container notices
 * a gone client only when a write to it fails.
 */
class OpenAiDisconnectIT extends IngressIntegrationTest {

    /** A streaming completion read line by line on its own connection, which {@link #drop()} tears down. */
    final class StreamingCall {

        final HttpClient connection = HttpClient.newHttpClient();
        final List<String> data = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        StreamingCall(User user, String question) {
            var request = HttpRequest.newBuilder(api.uri("/v1/chat/completions"))
                    .header("Authorization", user.bearer())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("model", "mock-1", "stream", true,
                            "messages", List.of(Map.of("role", "user", "content", question))))))
                    .build();
            connection.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                    Thread.ofVirtual().start(() -> {
                        try (var lines = response.body()) {
                            lines.filter(line -> line.startsWith("data:")).forEach(data::add);
                        } catch (RuntimeException e) {
                            // the connection was dropped
                        } finally {
                            ended = true;
                        }
                    }));
        }

        void drop() {
            connection.shutdownNow();
            await().until(() -> ended);
        }
    }

    @Test
    void droppedStreamCancelsItsAnswerOnceAndAFinishedOneCancelsNothing() {
        User reader = signUp("reader");
        StreamingCall read = new StreamingCall(reader, "Read it all");
        ChatRequested readRequest = awaitRequestOf(reader);
        worker(readRequest).delta(0, "All").completed(1, "All", FinishReason.STOP);
        await().until(() -> read.ended);
        assertThat(read.data.getLast()).isEqualTo("data:[DONE]");

        User leaver = signUp("leaver");
        StreamingCall dropped = new StreamingCall(leaver, "Tell me everything");
        ChatRequested request = awaitRequestOf(leaver);
        TestWorker worker = worker(request).delta(0, "Every");
        await().until(() -> dropped.data.size() == 2); // the role chunk and the first delta
        dropped.drop();

        // the instance notices when it next writes to the connection
        var sequence = new AtomicLong(1);
        await().until(() -> {
            worker.delta(sequence.getAndIncrement(), " thing");
            return !cancels(request).isEmpty();
        });
        worker.completed(sequence.get(), "Every thing", FinishReason.CANCELLED);

        assertThat(cancels(request)).singleElement()
                .satisfies(cancel -> assertThat(cancel.getUserId()).isEqualTo(leaver.id()));
        assertThat(cancels(readRequest)).isEmpty();
    }

    ChatRequested awaitRequestOf(User user) {
        return await().until(() -> kafka.find(Topics.CHAT_REQUESTS, ChatRequested.class,
                event -> event.getUserId().equals(user.id())), found -> found.isPresent()).get();
    }

    List<CancelRequested> cancels(ChatRequested request) {
        return kafka.findAll(Topics.CHAT_CONTROL, CancelRequested.class,
                cancel -> cancel.getRequestId().equals(request.getRequestId()));
    }
}
