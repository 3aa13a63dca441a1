package dev.parley.worker;

import mockwebserver3.MockResponse;

/** Provider answers as MockWebServer responses, headers as the real APIs send them. */
public final class ProviderResponses {

    private ProviderResponses() {
    }

    /** A {@code text/event-stream} answer; a null body is left for the caller to set (chunked, throttled). */
    public static MockResponse.Builder sse(String body) {
        var builder = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8")
                .addHeader("Cache-Control", "no-cache");
        return body == null ? builder : builder.body(body);
    }

    public static MockResponse.Builder json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body);
    }
}
