package dev.parley.bench.load;

import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one answer's Server-Sent Events on the calling thread, in either format: OpenAI chunks (Parley's /v1 and
 * the upstream itself) or Parley's native {@code delta}/{@code done}/{@code error} events. Only the first content
 * delta's arrival time and the final usage matter, so content chunks are recognised without parsing their JSON
 * (the load generator shares the machine it measures).
 */
final class StreamEvents extends EventSourceListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT = "\"content\":\"";
    private static final String TEXT = "\"text\":\"";

    private final boolean nativeFormat;
    private long firstTokenNanos;
    private long deltas;
    private long usageTokens = -1;
    private String error;
    private boolean finished;
    private Throwable failure;

    StreamEvents(boolean nativeFormat) {
        this.nativeFormat = nativeFormat;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (nativeFormat) {
            onNative(type, data);
        } else {
            onOpenAi(data);
        }
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
        failure = t;
    }

    private void onNative(String type, String data) {
        switch (type == null ? "message" : type) {
            case "delta" -> content(hasText(data, TEXT));
            case "done" -> {
                finished = true;
                usageTokens = JSON.readTree(data).path("usage").path("outputTokens").asLong(-1);
            }
            case "error" -> error = ErrorKinds.sse(data);
            default -> {
                // reset (a worker took over: the text restarts, the clock does not) and comments
            }
        }
    }

    private void onOpenAi(String data) {
        if (data.startsWith("[DONE]")) {
            finished = true;
        } else if (data.startsWith("{\"error\"")) {
            error = ErrorKinds.sse(data);
        } else if (data.contains("\"usage\":{")) {
            usageTokens = JSON.readTree(data).path("usage").path("completion_tokens").asLong(-1);
        } else {
            content(hasText(data, CONTENT));
        }
    }

    private void content(boolean nonEmpty) {
        if (nonEmpty) {
            deltas++;
            if (firstTokenNanos == 0) {
                firstTokenNanos = System.nanoTime();
            }
        }
    }

    static boolean hasText(String data, String field) {
        int at = data.indexOf(field);
        return at >= 0 && at + field.length() < data.length() && data.charAt(at + field.length()) != '"';
    }

    /** What ended the read early (a timeout, a reset connection, a cancel); null when it was not cut. */
    Throwable failure() {
        return failure;
    }

    long firstTokenNanos() {
        return firstTokenNanos;
    }

    long tokens() {
        return usageTokens >= 0 ? usageTokens : deltas;
    }

    /** The stream's error, or {@code incomplete} when it ended without its terminal event; null when it finished. */
    String error() {
        if (error != null) {
            return error;
        }
        return finished ? null : "sse-error incomplete";
    }
}
