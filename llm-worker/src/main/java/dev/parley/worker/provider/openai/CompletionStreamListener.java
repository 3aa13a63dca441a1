package dev.parley.worker.provider.openai;

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
import dev.parley.worker.provider.ProviderUsage;
import dev.parley.worker.provider.http.ProviderFailures;
import dev.parley.worker.provider.http.StreamReader;

/**
 * Reads the {@code chat.completion.chunk} events of one streamed answer: text deltas, the finish reason, the
 * final usage chunk and {@code [DONE]}. Runs on the calling thread, so its state needs no locking.
 */
final class CompletionStreamListener extends StreamReader {

    private final DeltaSink sink;
    private final JsonMapper json;
    private final ProviderFailures failures;

    private FinishReason finishReason;
    private ProviderUsage usage;
    private ProviderError error;
    private Throwable failure;
    private boolean done;

    CompletionStreamListener(DeltaSink sink, JsonMapper json, ProviderFailures failures) {
        this.sink = sink;
        this.json = json;
        this.failures = failures;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (error != null || done) {
            return;
        }
        if ("[DONE]".equals(data.strip())) {
            done = true;
            return;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (JacksonException e) {
            stop(source, failures.error(ErrorCodes.PROVIDER_BAD_RESPONSE, "sent an unreadable stream chunk"));
            return;
        }
        if ("error".equals(type) || chunk.hasNonNull("error")) {
            stop(source, failures.ofStreamError(chunk));
            return;
        }
        read(source, chunk);
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
        if (error == null && !done && t != null) {
            failure = t;
        }
    }

    @Override
    public ProviderResult result(boolean cancelled) {
        if (cancelled) {
            return ProviderResult.cancelled(usage, true);
        }
        if (error != null) {
            return ProviderResult.failed(error, usage, true);
        }
        if (finishReason != null || done) {
            return ProviderResult.completed(finishReason == null ? FinishReason.STOP : finishReason, usage);
        }
        ProviderError cause = failure != null ? failures.ofException(failure)
                : failures.error(ErrorCodes.PROVIDER_UNAVAILABLE, "ended the stream before the answer was complete");
        return ProviderResult.failed(cause, usage, true);
    }

    private void read(EventSource source, JsonNode chunk) {
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode content = choice.path("delta").path("content");
        if (content.isString() && !content.stringValue().isEmpty()) {
            sink.accept(content.stringValue());
        }
        JsonNode reason = choice.path("finish_reason");
        if (reason.isString()) {
            if ("error".equals(reason.stringValue())) {
                stop(source, failures.error(ErrorCodes.PROVIDER_ERROR, "ended the answer with an error"));
                return;
            }
            finishReason = finishReason(reason.stringValue());
        }
        JsonNode reported = chunk.path("usage");
        if (reported.isObject()) {
            usage = new ProviderUsage(reported.path("prompt_tokens").asLong(0),
                    reported.path("completion_tokens").asLong(0),
                    reported.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                    reported.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        }
    }

    private void stop(EventSource source, ProviderError cause) {
        error = cause;
        source.cancel();
    }

    static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
