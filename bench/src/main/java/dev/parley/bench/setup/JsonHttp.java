package dev.parley.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON calls to Parley's public API for the set-up (not on the measured path). */
public final class JsonHttp {

    /** An answer: status and body (a JSON object, or missing when there was none). */
    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private static final int MAX_RETRIES_WHEN_THROTTLED = 5;

    private final OkHttpClient http;

    public JsonHttp(OkHttpClient http) {
        this.http = http;
    }

    public Reply send(String method, String url, String bearer, Object body) {
        RequestBody requestBody = body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
        Request.Builder builder = new Request.Builder().url(url).method(method, requestBody);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try (Response response = http.newCall(builder.build()).execute()) {
            String text = response.body().string();
            return new Reply(response.code(), text.isBlank() ? JSON.missingNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        }
    }

    /**
     * Like {@link #send} but fails unless the answer is 2xx. A 429 is sent again after its {@code retryAfterSeconds}, a
     * few times: the set-up signs 200 users in from one address, which the sign-in throttle may slow down.
     */
    public Reply expect(String method, String url, String bearer, Object body) {
        Reply reply = send(method, url, bearer, body);
        for (int retry = 0; reply.status() == 429 && retry < MAX_RETRIES_WHEN_THROTTLED; retry++) {
            pause(Math.max(1, reply.body().path("retryAfterSeconds").asLong(1)));
            reply = send(method, url, bearer, body);
        }
        if (!reply.ok()) {
            throw new IllegalStateException(method + " " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while throttled", e);
        }
    }
}
