package dev.parley.bench.idle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.ErrorKinds;
import dev.parley.bench.setup.BenchUser;

/**
 * Streams opened and then left alone: each one's response headers are read and nothing after them, one connection
 * each, until {@link #close()} closes them all (the server notices at its next write, e.g. a heartbeat).
 */
public final class IdleStreams implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int OPENING_AT_ONCE = 16;

    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(OPENING_AT_ONCE, 1, TimeUnit.SECONDS))
            .protocols(List.of(Protocol.HTTP_1_1)).readTimeout(0, TimeUnit.SECONDS).build();
    private final String model;
    private final List<Response> held = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private int next;

    public IdleStreams(String model) {
        this.model = model;
    }

    /**
     * Opens {@code count} more streams, a few at a time, spread over the users; answers how many are open. A stream
     * counts once its headers came: both APIs send them at once (the native stream with an {@code :open} comment),
     * long before the first event, which the upstream holds back.
     */
    public int open(Api api, String baseUrl, List<BenchUser> users, int count) throws InterruptedException {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String key = users.get(next++ % users.size()).apiKey();
                opening.acquire();
                threads.execute(() -> {
                    try {
                        hold(api == Api.NATIVE ? openNative(baseUrl, key) : openOpenAi(baseUrl, key));
                    } catch (Refused e) {
                        failures.merge(e.getMessage(), 1L, Long::sum);
                    } catch (IOException e) {
                        failures.merge(ErrorKinds.io(e, false, false), 1L, Long::sum);
                    } catch (RuntimeException e) {
                        failures.merge("bench " + e.getClass().getSimpleName(), 1L, Long::sum);
                    } finally {
                        opening.release();
                    }
                });
            }
            opening.acquire(OPENING_AT_ONCE); // every stream answered with its headers
            opening.release(OPENING_AT_ONCE);
        }
        return held.size();
    }

    public int held() {
        return held.size();
    }

    /** Streams that could not be opened, by kind ({@code http <status> ...} or {@code io ...}). */
    public Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    private void hold(Response response) throws IOException {
        if (response.code() != 200) {
            try (response) {
                failures.merge(ErrorKinds.http(response.code(), response.body().string()), 1L, Long::sum);
            }
            return;
        }
        held.add(response);
    }

    private Response openOpenAi(String baseUrl, String key) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("model", model, "stream", true,
                "messages", new Object[] {Map.of("role", "user", "content", "Say something, eventually.")}));
        return http.newCall(new Request.Builder().url(baseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON_TYPE)).build()).execute();
    }

    // A conversation of its own per stream: one user may have only so many answers running in one conversation.
    private Response openNative(String baseUrl, String key) throws IOException {
        String conversation = postJson(baseUrl + "/api/conversations", key, Map.of("title", "idle"), "id");
        String streamUrl = postJson(baseUrl + "/api/conversations/" + conversation + "/messages", key,
                Map.of("content", "Say something, eventually.", "model", model), "streamUrl");
        return http.newCall(new Request.Builder().url(baseUrl + streamUrl).header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream").get().build()).execute();
    }

    private String postJson(String url, String key, Map<String, Object> body, String field) throws IOException {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + key)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new Refused(ErrorKinds.http(response.code(), text));
            }
            return JSON.readTree(text).path(field).asString();
        }
    }

    /** A call answered with an error status: its kind is the message. */
    private static final class Refused extends IOException {

        Refused(String kind) {
            super(kind);
        }
    }

    /** Closes every stream (the client going away) and the client's connections. */
    @Override
    public void close() {
        synchronized (held) {
            held.forEach(Response::close);
            held.clear();
        }
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }
}
