package dev.parley.bench.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mock OpenAI-compatible server: {@code POST /v1/chat/completions}, streamed or not, with a configurable number
 * of content deltas, the delay between them and a first-token delay. Every request runs on its own virtual thread,
 * which sleeps between deltas, so thousands of open streams cost memory, not threads or CPU.
 * {@code PUT /bench/shape} changes the shape between runs; {@code GET /bench/stats} counts requests.
 */
public final class MockUpstream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<StreamShape> shape;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    private MockUpstream(HttpServer server, StreamShape shape) {
        this.server = server;
        this.shape = new AtomicReference<>(shape);
    }

    /** Listens on loopback {@code port} (0: any free port). */
    public static MockUpstream start(int port, StreamShape shape) {
        // small SSE writes must leave at once, not wait for Nagle's algorithm and a delayed ACK (40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
            MockUpstream upstream = new MockUpstream(server, shape);
            server.setExecutor(upstream.executor);
            server.createContext("/v1/chat/completions", upstream::completions);
            server.createContext("/bench/shape", upstream::shape);
            server.createContext("/bench/stats", upstream::stats);
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException("mock upstream cannot listen on " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public StreamShape shape() {
        return shape.get();
    }

    public void shape(StreamShape next) {
        shape.set(next);
    }

    private void completions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":{\"message\":\"POST only\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            requests.incrementAndGet();
            active.incrementAndGet();
            try {
                answer(exchange, JSON.readTree(exchange.getRequestBody()));
            } finally {
                active.decrementAndGet();
            }
        } catch (IOException e) {
            // the client went away mid-stream: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, JsonNode body) throws IOException, InterruptedException {
        StreamShape current = shape.get();
        int limit = body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt(Integer.MAX_VALUE));
        int tokens = Math.min(current.deltas(), Math.max(1, limit));
        String reason = tokens < current.deltas() ? "length" : "stop";
        int promptTokens = promptTokens(body.path("messages"));
        var chunks = new CompletionChunks("chatcmpl-bench" + ids.incrementAndGet(),
                safe(body.path("model").asString("bench-1")), System.currentTimeMillis() / 1000);
        if (!body.path("stream").asBoolean(false)) {
            Thread.sleep(current.firstTokenDelayMillis() + current.streamMillis());
            send(exchange, 200, new String(chunks.completion(tokens, reason, promptTokens), StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, chunks.role());
        sleep(current.firstTokenDelayMillis());
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                sleep(current.delayMillis());
            }
            write(out, chunks.content(i));
        }
        write(out, chunks.finish(reason));
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            write(out, chunks.usage(promptTokens, tokens));
        }
        write(out, CompletionChunks.done());
    }

    // About four characters per token plus the per-message overhead, like OpenAI's count of a short chat.
    static int promptTokens(JsonNode messages) {
        int tokens = 3;
        for (JsonNode message : messages) {
            tokens += 4 + (message.path("content").asString("").length() + 3) / 4;
        }
        return tokens;
    }

    private static String safe(String model) {
        return model.replaceAll("[^A-Za-z0-9._:/-]", "_");
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(Duration.ofMillis(millis));
        }
    }

    private void shape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("PUT".equals(exchange.getRequestMethod())) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                shape.set(new StreamShape(body.path("deltas").asInt(), body.path("delayMillis").asLong(),
                        body.path("firstTokenDelayMillis").asLong()));
            }
            send(exchange, 200, JSON.writeValueAsString(shape.get()));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, JSON.writeValueAsString(java.util.Map.of("error", e.getMessage())));
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, "{\"requests\":" + requests.get() + ",\"active\":" + active.get() + "}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
