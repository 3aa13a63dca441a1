package dev.parley.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Server-Sent Events response line by line, as a browser's EventSource would. */
public final class SseClient {

    public record Event(String id, String name, JsonNode data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public volatile int status;
    public volatile String contentType;
    public volatile String body = "";
    public volatile boolean ended;

    private String id;
    private String name;
    private final StringBuilder data = new StringBuilder();

    public static SseClient open(HttpClient http, URI uri, String authorization, String lastEventId) {
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var client = new SseClient();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).whenComplete((response, failure) -> {
            if (failure != null) {
                client.ended = true;
                return;
            }
            client.status = response.statusCode();
            client.contentType = response.headers().firstValue("Content-Type").orElse("");
            Thread.ofVirtual().start(() -> client.read(response.body()));
        });
        return client;
    }

    public List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    public List<String> ids() {
        return events.stream().map(Event::id).toList();
    }

    private void read(Stream<String> lines) {
        try (lines) {
            lines.forEach(this::line);
        } catch (RuntimeException e) {
            // the connection broke: the events read so far stay
        } finally {
            ended = true;
        }
    }

    private void line(String line) {
        if (status != 200) {
            body += line;
            return;
        }
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("id:")) {
            id = value(line, 3);
        } else if (line.startsWith("event:")) {
            name = value(line, 6);
        } else if (line.startsWith("data:")) {
            data.append(value(line, 5));
        }
    }

    private void dispatch() {
        if (name != null || !data.isEmpty()) {
            events.add(new Event(id, name, data.isEmpty() ? null : JSON.readTree(data.toString())));
        }
        name = null;
        data.setLength(0);
    }

    private static String value(String line, int start) {
        String value = line.substring(start);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
