package dev.parley.ingress;

import java.time.Instant;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;
import dev.parley.events.UsageSource;

/** Publishes the stream events of one request, as the llm-worker does. */
public record TestWorker(KafkaTestClient kafka, String requestId, String userId, String conversationId,
        String messageId) {

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
        kafka.publish(Topics.CHAT_STREAM, requestId, new ChatStreamed(requestId, userId, conversationId, messageId,
                sequence, Instant.now(), payload, "attempt-1", "test-worker"));
        return this;
    }
}
