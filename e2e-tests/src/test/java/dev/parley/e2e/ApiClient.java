package dev.parley.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API as a user's program would write it: plain HTTP, JSON and SSE. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The same user against another instance. */
    ApiClient on(String otherBaseUrl) {
        var client = new ApiClient(otherBaseUrl);
        client.token = token;
        return client;
    }

    /** The bearer token this client sends, if any. */
    String token() {
        return token;
    }

    ApiClient as(String accessToken) {
        var client = new ApiClient(baseUrl);
        client.token = accessToken;
        return client;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Reads the SSE stream at {@code path} until {@code last} matches an event or the stream ends. */
    List<SseEvent> stream(String path, String lastEventId, Predicate<SseEvent> last) {
        var builder = request(path).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(90)).GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<java.io.InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return readEvents(reader, last);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<SseEvent> readEvents(BufferedReader reader, Predicate<SseEvent> last) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    var event = new SseEvent(id, name, JSON.readTree(data.toString()));
                    events.add(event);
                    if (last.test(event)) {
                        return events;
                    }
                }
                id = null;
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return events;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    record SseEvent(String id, String name, JsonNode data) {
    }
}
