package dev.parley.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of /api/ws/stream on the JDK's WebSocket: records every text frame and the close code. */
final class SocketClient implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    volatile int closeCode = -1;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects with the token as {@code access_token} parameter, or as header when {@code header} is set. */
    static SocketClient connect(HttpClient http, int port, String token, boolean header) {
        var client = new SocketClient();
        String query = header ? "" : "?access_token=" + token;
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (header) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/api/ws/stream" + query), client)
                .join();
        return client;
    }

    void subscribe(String conversationId, String messageId) {
        send(ApiClient.json(java.util.Map.of("type", "subscribe", "conversationId", conversationId,
                "messageId", messageId)));
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    List<String> types() {
        return frames.stream().map(frame -> frame.get("type").asText()).toList();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }
}
