package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A WebSocket holds the identity of its handshake only while it is valid, and one user holds only so many streams
 * (the shared test context: 5 open streams per user, 3 subscriptions per socket; the heartbeat that checks
 * identities runs every 15 s).
 */
class SocketLimitsIT extends IngressIntegrationTest {

    @Test
    void aSocketIsClosedWhenItsTokenExpires() {
        User ann = signUp("ws-expiry");
        String token = TestTokens.expiringIn(ann.id(), Duration.ofSeconds(3)).substring("Bearer ".length());
        SocketClient socket = SocketClient.connect(api.http(), port, token, true);

        await().atMost(Duration.ofSeconds(60)).until(() -> socket.closeCode != -1);

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.frames).extracting(frame -> frame.get("code").asText()).containsExactly("token_expired");
    }

    @Test
    void aSocketIsClosedWhenItsUserIsDisabled() {
        User bob = signUp("ws-disabled");
        SocketClient socket = SocketClient.connect(api.http(), port, bob.bearer().substring("Bearer ".length()), true);

        assertThat(api.post("/api/admin/users/" + bob.id() + "/disable", admin().bearer(), null).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> socket.closeCode != -1);
        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.frames).extracting(frame -> frame.get("code").asText())
                .containsExactly("account_disabled");
    }

    @Test
    void subscriptionsPerSocketAndOpenStreamsPerUserAreCapped() throws Exception {
        User cat = signUp("ws-caps");
        String conversation = createConversation(cat, null);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(postMessage(cat, conversation, Map.of("content", "q" + i)).get("messageId").asText());
        }
        String token = cat.bearer().substring("Bearer ".length());
        SocketClient socket = SocketClient.connect(api.http(), port, token, true);
        answers.forEach(answer -> socket.subscribe(conversation, answer));

        await().until(() -> socket.types().contains("error"));
        assertThat(socket.frames).filteredOn(frame -> frame.get("type").asText().equals("error"))
                .extracting(frame -> frame.get("code").asText()).containsExactly("too_many_subscriptions");
        assertThat(socket.closeCode).isEqualTo(-1);

        List<SocketClient> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            more.add(SocketClient.connect(api.http(), port, token, true));
        }
        more.add(SocketClient.connect(api.http(), port, token, true));
        // a handshake completes before the server counts the socket, so whichever is counted sixth is refused
        await().until(() -> more.stream().anyMatch(client -> client.closeCode != -1));
        List<SocketClient> refused = more.stream().filter(client -> client.closeCode != -1).toList();
        assertThat(refused).hasSize(1);
        assertThat(refused.getFirst().frames).extracting(frame -> frame.get("code").asText())
                .containsExactly("too_many_streams");
        ApiClient.Response sse = api.get(messagesPath(conversation) + "/" + answers.getFirst() + "/stream",
                cat.bearer());
        assertThat(sse.status()).isEqualTo(429);

        // a closed socket gives its slot back: an SSE stream opens (its headers come at once)
        socket.close();
        await().until(() -> {
            HttpResponse<InputStream> stream = api.http().send(HttpRequest.newBuilder(api.uri(messagesPath(
                    conversation) + "/" + answers.getFirst() + "/stream")).header("Authorization", cat.bearer())
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            stream.body().close();
            return stream.statusCode() == 200;
        });
        more.forEach(SocketClient::close);
    }
}
