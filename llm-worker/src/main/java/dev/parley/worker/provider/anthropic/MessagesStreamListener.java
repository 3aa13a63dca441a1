package dev.parley.worker.provider.anthropic;

import okhttp3.Response;
import okhttp3.sse.EventSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.events.FinishReason;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.http.ProviderFailures;
import dev.parley.worker.provider.http.StreamReader;

/**
 * Reads the events of one streamed Messages answer: {@code message_start} (input usage),
 * {@code content_block_delta} (text), {@code message_delta} (stop reason, output usage), {@code message_stop},
 * {@code ping} and {@code error}. Unknown event types are skipped, as Anthropic asks of clients. Runs on the
 * calling thread, so its state needs no locking.
 */
final class MessagesStreamListener extends StreamReader {

    private final DeltaSink sink;
    private final JsonMapper json;
    private final ProviderFailures failures;
    private final AnthropicUsage usage = new AnthropicUsage();

    private FinishReason finishReason;
    private ProviderError error;
    private Throwable failure;
    private boolean stopped;

    MessagesStreamListener(DeltaSink sink, JsonMapper json, ProviderFailures failures) {
        this.sink = sink;
        this.json = json;
        this.failures = failures;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (error != null || stopped) {
            return;
        }
        JsonNode event;
        try {
            event = json.readTree(data);
        } catch (JacksonException e) {
            stop(source, failures.error(ErrorCodes.PROVIDER_BAD_RESPONSE, "sent an unreadable stream event"));
            return;
        }
        String eventType = type != null ? type : event.path("type").asString("");
        switch (eventType) {
            case "message_start" -> usage.start(event.path("message").path("usage"));
            case "content_block_delta" -> text(event.path("delta"));
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> stopped = true;
            case "error" -> stop(source, failures.ofStreamError(event));
            default -> {
                // ping, content_block_start/stop, and event types added after this client was written
            }
        }
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
        if (error == null && !stopped && t != null) {
            failure = t;
        }
    }

    @Override
    public ProviderResult result(boolean cancelled) {
        if (cancelled) {
            return ProviderResult.cancelled(usage.reported().orElse(null), true);
        }
        if (error != null) {
            return ProviderResult.failed(error, usage.reported().orElse(null), true);
        }
        if (stopped || finishReason != null) {
            return ProviderResult.completed(finishReason == null ? FinishReason.STOP : finishReason,
                    usage.reported().orElse(null));
        }
        ProviderError cause = failure != null ? failures.ofException(failure)
                : failures.error(ErrorCodes.PROVIDER_UNAVAILABLE, "ended the stream before the answer was complete");
        return ProviderResult.failed(cause, usage.reported().orElse(null), true);
    }

    private void text(JsonNode delta) {
        // thinking, signature and tool-input deltas are not part of the answer's text
        if ("text_delta".equals(delta.path("type").asString("")) && !delta.path("text").asString("").isEmpty()) {
            sink.accept(delta.path("text").stringValue());
        }
    }

    private void messageDelta(JsonNode event) {
        JsonNode reason = event.path("delta").path("stop_reason");
        if (reason.isString()) {
            finishReason = finishReason(reason.stringValue());
        }
        usage.delta(event.path("usage"));
    }

    private void stop(EventSource source, ProviderError cause) {
        error = cause;
        source.cancel();
    }

    static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
