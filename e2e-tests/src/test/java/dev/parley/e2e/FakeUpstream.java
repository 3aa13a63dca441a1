package dev.parley.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible provider for the fault matrix, scripted by the user's message: {@code [429-first]} and
 * {@code [503-first]} refuse the first call of a message (the worker retries), {@code [500-after-first-token]} sends
 * one piece of text and then an in-stream error; anything else streams a short answer. Every streamed answer reports
 * its usage as OpenAI does (prompt 12 tokens, one completion token per piece), so accounting debits provider-reported
 * numbers.
 */
final class FakeUpstream {

    static final String MODEL = "upstream-1";
    static final int PROMPT_TOKENS = 12;
    private static final String[] PIECES = {"Hello", " from", " the", " fake", " upstream", "."};

    private final MockWebServer server = new MockWebServer();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    static FakeUpstream start() {
        var upstream = new FakeUpstream();
        upstream.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return upstream.answer(request);
            }
        });
        try {
            upstream.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return upstream;
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Calls that reached the upstream for this user message. */
    int calls(String message) {
        return calls.getOrDefault(message, new AtomicInteger()).get();
    }

    private MockResponse answer(RecordedRequest request) {
        String message = lastUserMessage(request);
        int call = calls.computeIfAbsent(message, any -> new AtomicInteger()).incrementAndGet();
        if (message.contains("[429-first]") && call == 1) {
            return json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                    + "\"code\":\"rate_limit_exceeded\"}}").addHeader("Retry-After", "0").build();
        }
        if (message.contains("[503-first]") && call == 1) {
            return json(503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}")
                    .build();
        }
        if (message.contains("[500-after-first-token]")) {
            return sse(chunk("{\"content\":\"" + PIECES[0] + "\"}", null)
                    + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                    + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");
        }
        var body = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : PIECES) {
            body.append(chunk("{\"content\":\"" + piece + "\"}", null));
        }
        body.append(chunk("{}", "\"stop\""));
        body.append("data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":"
                + PIECES.length + ",\"total_tokens\":" + (PROMPT_TOKENS + PIECES.length) + "}}\n\n");
        body.append("data: [DONE]\n\n");
        return sse(body.toString());
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + "}],\"usage\":null}\n\n";
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8")
                .body(body).build();
    }

    private static MockResponse.Builder json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body);
    }

    private static String lastUserMessage(RecordedRequest request) {
        JsonNode body = ApiClient.JSON.readTree(request.getBody().utf8());
        String last = "";
        for (JsonNode message : body.get("messages")) {
            if ("user".equals(message.get("role").asString())) {
                last = message.get("content").asString();
            }
        }
        return last;
    }
}
