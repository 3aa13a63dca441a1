package dev.parley.bench.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names for what went wrong, stable enough to count: {@code http 503 urn:parley:problem:unavailable},
 * {@code sse-error provider_unavailable}, {@code timeout first-token}, {@code io ConnectException}.
 */
public final class ErrorKinds {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorKinds() {
    }

    /** An HTTP error answer: RFC 9457 {@code type}, OpenAI's {@code error.type}/{@code code}, or just the status. */
    public static String http(int status, String body) {
        String detail = "";
        try {
            JsonNode json = JSON.readTree(body);
            if (json.hasNonNull("type")) {
                detail = json.path("type").asString();
            } else if (json.path("error").isObject()) {
                JsonNode error = json.path("error");
                detail = error.hasNonNull("code") ? error.path("code").asString() : error.path("type").asString("");
            }
        } catch (RuntimeException e) {
            // not JSON: the status says enough
        }
        return ("http " + status + " " + detail).strip();
    }

    /** An error event inside a stream (native {@code error} event, or an OpenAI error chunk). */
    static String sse(String data) {
        try {
            JsonNode json = JSON.readTree(data);
            JsonNode error = json.path("error").isObject() ? json.path("error") : json;
            String code = error.hasNonNull("code") ? error.path("code").asString() : error.path("type").asString("?");
            return "sse-error " + code;
        } catch (RuntimeException e) {
            return "sse-error unreadable";
        }
    }

    /** A failed call; {@code runEnded} when the bench itself cancelled it at the end of a run. */
    public static String io(IOException e, boolean sawFirstToken, boolean runEnded) {
        if (runEnded) {
            return "timeout run-ended";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                || String.valueOf(e.getMessage()).contains("timeout")) {
            return sawFirstToken ? "timeout stream" : "timeout first-token";
        }
        return "io " + e.getClass().getSimpleName();
    }
}
