package dev.parley.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One streamed request per call, run synchronously on the caller's (virtual) thread: a {@code /v1/chat/completions}
 * stream (Parley's or the upstream's), or a native message post followed by its SSE stream. Each returns an
 * {@link Outcome}; nothing throws. {@link #endRun()} cancels whatever is still running.
 */
public final class StreamCalls {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http;
    private final String model;
    private final Duration callTimeout;
    private final Set<Call> running = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;

    public StreamCalls(OkHttpClient http, String model, Duration callTimeout) {
        this.http = http;
        this.model = model;
        this.callTimeout = callTimeout;
    }

    /** {@code POST <baseUrl>/v1/chat/completions} with {@code stream: true} and the usage chunk. */
    public Outcome openAi(Api api, String baseUrl, String key, String prompt) {
        long start = System.nanoTime();
        byte[] body = JSON.writeValueAsBytes(Map.of("model", model, "stream", true,
                "stream_options", Map.of("include_usage", true),
                "messages", new Object[] {Map.of("role", "user", "content", prompt)}));
        Request request = new Request.Builder().url(baseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON_TYPE)).build();
        return stream(api, start, call(request), false);
    }

    /**
     * Posts {@code prompt} to the session's conversation (creating one when it has none), then streams the answer.
     * The time to the first token counts from the post, not from creating the conversation.
     */
    public Outcome nativeMessage(String baseUrl, String key, NativeSession session, String prompt) {
        String conversation = session.conversationFor(() -> createConversation(baseUrl, key));
        long start = System.nanoTime();
        if (conversation.startsWith("!")) {
            return failed(Api.NATIVE, start, conversation.substring(1) + " (create conversation)");
        }
        Request post = new Request.Builder().url(baseUrl + "/api/conversations/" + conversation + "/messages")
                .header("Authorization", "Bearer " + key)
                .post(RequestBody.create(JSON.writeValueAsBytes(Map.of("content", prompt, "model", model)),
                        JSON_TYPE)).build();
        String streamUrl;
        Call postCall = call(post);
        try (Response response = postCall.execute()) {
            String text = response.body().string();
            if (response.code() != 202) {
                session.abandon();
                return traced(failed(Api.NATIVE, start, ErrorKinds.http(response.code(), text)), postCall);
            }
            streamUrl = JSON.readTree(text).path("streamUrl").asString();
        } catch (IOException e) {
            session.abandon();
            return traced(failed(Api.NATIVE, start, ErrorKinds.io(e, false, ended)), postCall);
        } finally {
            running.remove(postCall);
        }
        Request get = new Request.Builder().url(baseUrl + streamUrl).header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream").get().build();
        Outcome outcome = stream(Api.NATIVE, start, call(get), true);
        session.answered(outcome.ok());
        return outcome;
    }

    private String createConversation(String baseUrl, String key) {
        Request request = new Request.Builder().url(baseUrl + "/api/conversations")
                .header("Authorization", "Bearer " + key)
                .post(RequestBody.create("{\"title\":\"bench\"}", JSON_TYPE)).build();
        Call call = call(request);
        try (Response response = call.execute()) {
            String text = response.body().string();
            if (response.code() != 201 && response.code() != 200) {
                return "!" + ErrorKinds.http(response.code(), text);
            }
            JsonNode json = JSON.readTree(text);
            return json.path("id").asString();
        } catch (IOException e) {
            return "!" + ErrorKinds.io(e, false, ended);
        } finally {
            running.remove(call);
        }
    }

    private Outcome stream(Api api, long start, Call call, boolean nativeFormat) {
        return traced(streamed(api, start, call, nativeFormat), call);
    }

    private Outcome streamed(Api api, long start, Call call, boolean nativeFormat) {
        StreamEvents events = new StreamEvents(nativeFormat);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                return failed(api, start, ErrorKinds.http(response.code(), response.body().string()));
            }
            EventSources.processResponse(response, events);
            String error = events.error();
            if (error != null && events.failure() instanceof IOException cut) {
                error = ErrorKinds.io(cut, events.firstTokenNanos() > 0, ended);
            } else if (error != null && ended) {
                error = "timeout run-ended";
            }
            return outcome(api, start, events, error);
        } catch (IOException e) {
            return outcome(api, start, events, ErrorKinds.io(e, events.firstTokenNanos() > 0, ended));
        } catch (RuntimeException e) {
            return outcome(api, start, events, "bench " + e.getClass().getSimpleName());
        } finally {
            running.remove(call);
        }
    }

    // Its own X-Request-Id, which api-ingress adopts and logs: a failed call is found in the stack's logs by it.
    private Call call(Request request) {
        Call call = http.newCall(request.newBuilder().header(ErrorTrace.REQUEST_ID, ErrorTrace.newRequestId()).build());
        call.timeout().timeout(callTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        running.add(call);
        if (ended) {
            call.cancel();
        }
        return call;
    }

    private static Outcome traced(Outcome outcome, Call call) {
        ErrorTrace.report(outcome, call.request());
        return outcome;
    }

    private static Outcome outcome(Api api, long start, StreamEvents events, String error) {
        return new Outcome(api, start, events.firstTokenNanos(), System.nanoTime(), events.tokens(), error);
    }

    private static Outcome failed(Api api, long start, String error) {
        return new Outcome(api, start, 0, System.nanoTime(), 0, error);
    }

    /** Cancels every call still running; they end as {@code timeout run-ended}. */
    public void endRun() {
        ended = true;
        running.forEach(call -> {
            running.remove(call);
            call.cancel();
        });
    }
}
