package dev.parley.ingress.openai;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.sse.SseFormat;
import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.web.OpenAiError;

/**
 * Writes an answer's stream the way OpenAI streams chat completions: {@code data:} lines only, a first chunk with
 * the assistant role, one chunk per delta, a last chunk with the finish reason, the usage chunk when asked for,
 * then {@code data: [DONE]}. A failure ends the stream with a {@code data: {"error":{...}}} line instead.
 */
final class CompletionChunks implements SseFormat {

    static final String DONE = "[DONE]";

    private final String id;
    private final long created;
    private final String model;
    private final boolean includeUsage;

    CompletionChunks(String id, long created, String model, boolean includeUsage) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.includeUsage = includeUsage;
    }

    List<Object> opening() {
        return List.of(chunk(new ChatCompletionChunk.Delta("assistant", ""), null));
    }

    /** The data items of one stream event: chunks, error bodies and the {@code [DONE]} marker. */
    List<Object> items(StreamEvent event) {
        return switch (event.data()) {
            case StreamData.Delta delta -> List.of(chunk(new ChatCompletionChunk.Delta(null, delta.text()), null));
            case StreamData.Done done -> finish(done);
            case StreamData.Failure failure -> List.of(new OpenAiError(failure.message(), OpenAiError.SERVER_ERROR,
                    null, failure.code()));
        };
    }

    @Override
    public List<SseEmitter.SseEventBuilder> events(StreamEvent event) {
        return sse(items(event));
    }

    static List<SseEmitter.SseEventBuilder> sse(List<Object> items) {
        return items.stream().map(CompletionChunks::sse).toList();
    }

    private static SseEmitter.SseEventBuilder sse(Object item) {
        return DONE.equals(item) ? SseEmitter.event().data(DONE, MediaType.TEXT_PLAIN)
                : SseEmitter.event().data(item, MediaType.APPLICATION_JSON);
    }

    private List<Object> finish(StreamData.Done done) {
        List<Object> items = new ArrayList<>();
        items.add(chunk(new ChatCompletionChunk.Delta(null, null), FinishReasons.of(done.finishReason())));
        if (includeUsage && done.usage() != null) {
            items.add(new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, List.of(),
                    new CompletionUsage(done.usage().inputTokens(), done.usage().outputTokens(),
                            done.usage().totalTokens())));
        }
        items.add(DONE);
        return items;
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, String finishReason) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
                List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)), null);
    }
}
