package dev.parley.ingress;

import java.time.Instant;

import dev.parley.events.ChatCompleted;
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

    private TestWorker emit(long sequence, Object payload) {
        kafka.publish(Topics.CHAT_STREAM, requestId, new ChatStreamed(requestId, userId, conversationId, messageId,
                sequence, Instant.now(), payload));
        return this;
    }
}
