package dev.parley.bench.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import okhttp3.OkHttpClient;

class JsonHttpTest {

    final AtomicInteger calls = new AtomicInteger();
    final JsonHttp http = new JsonHttp(new OkHttpClient());
    HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aThrottledCallIsSentAgainAfterTheWaitItWasGiven() throws IOException {
        String url = serve(429, 200);

        JsonHttp.Reply reply = http.expect("POST", url, null, java.util.Map.of("email", "a@b.c"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("accessToken")).isEqualTo("t");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anyOtherRefusalFailsAtOnce() throws IOException {
        String url = serve(401, 200);

        assertThatThrownBy(() -> http.expect("GET", url, null, null)).hasMessageContaining("answered 401");
        assertThat(calls).hasValue(1);
    }

    private String serve(int first, int then) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, calls.incrementAndGet() == 1 ? first : then));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/login";
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        String body = status == 429 ? "{\"status\":429,\"retryAfterSeconds\":1}"
                : status == 200 ? "{\"accessToken\":\"t\"}" : "{\"status\":" + status + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
