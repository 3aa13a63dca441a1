package dev.parley.ingress;

import java.time.Instant;
import java.util.Map;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatStreamKinds;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;
import dev.parley.events.UsageSource;

/**
 * Publishes the stream events of one request, as the llm-worker does.
 *
 * @param attemptId the processing run (another one: a worker took the request over and starts again at 0)
 * @param at when the events happened (their record timestamps and emittedAt); null: now
 * @param kindHeaders whether records carry the {@link ChatStreamKinds#HEADER} header, as today's worker writes them;
 *        false: as a worker from before the header did
 */
public record TestWorker(KafkaTestClient kafka, String requestId, String userId, String conversationId,
        String messageId, String attemptId, Instant at, boolean kindHeaders) {

    public TestWorker(KafkaTestClient kafka, String requestId, String userId, String conversationId,
            String messageId) {
        this(kafka, requestId, userId, conversationId, messageId, "attempt-1", null, false);
    }

    /** The same request on another worker's attempt, as after a takeover. */
    public TestWorker attempt(String attempt) {
        return new TestWorker(kafka, requestId, userId, conversationId, messageId, attempt, at, kindHeaders);
    }

    /** The same request with events that happened at {@code time}, e.g. before an instance's lookback. */
    public TestWorker happenedAt(Instant time) {
        return new TestWorker(kafka, requestId, userId, conversationId, messageId, attemptId, time, kindHeaders);
    }

    /** The same request with records that name their kind in a header, as llm-worker writes them. */
    public TestWorker labelled() {
        return new TestWorker(kafka, requestId, userId, conversationId, messageId, attemptId, at, true);
    }

    public TestWorker delta(long sequence, String text) {
        return emit(sequence, new TokensGenerated(text));
    }

    /** Ends the answer with 12 input and 3 output tokens, as reported by the provider. */
    public TestWorker completed(long sequence, String text, FinishReason reason) {
        return emit(sequence, new ChatCompleted(text, reason,
                new TokenUsage(12L, 3L, 0L, 0L, UsageSource.PROVIDER_REPORTED)));
    }

    /** Fails the answer after some text, with partial usage, as a provider error mid-stream does. */
    public TestWorker failed(long sequence, String partialText, String code, String message) {
        return emit(sequence, new ChatFailed(code, message, partialText,
                new TokenUsage(12L, 1L, 0L, 0L, UsageSource.ESTIMATED)));
    }

    private TestWorker emit(long sequence, Object payload) {
        Instant time = at == null ? Instant.now() : at;
        kafka.publish(Topics.CHAT_STREAM, requestId, new ChatStreamed(requestId, userId, conversationId, messageId,
                sequence, time, payload, attemptId, "test-worker"), at == null ? null : time.toEpochMilli(),
                kindHeaders ? Map.of(ChatStreamKinds.HEADER, ChatStreamKinds.of(payload)) : Map.of());
        return this;
    }
}
