package dev.parley.worker.usage;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.parley.events.CallOutcome;
import dev.parley.events.TokenUsage;
import dev.parley.events.Topics;
import dev.parley.events.HeldReservation;
import dev.parley.events.UsageRecorded;

/** Publishes one {@code UsageRecorded} per provider call, keyed by user so one user's records stay in order. */
@Component
public class UsagePublisher {

    private final KafkaTemplate<Object, Object> kafka;

    UsagePublisher(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * The usage record of the {@code ordinal}-th billed call of the request (0 for the first). Its event id is
     * {@code <requestId>:<ordinal>}, the same every time the request runs: accounting debits each event id once, so
     * a request that runs again (its record redelivered after a crash, a rebalance, a failed publish) is not
     * debited again for what it was debited for already.
     */
    public UsageRecorded record(UsageCall call, int ordinal, CallOutcome outcome, TokenUsage usage) {
        return UsageRecorded.newBuilder()
                .setEventId(eventId(call.requestId(), ordinal))
                .setRequestId(call.requestId())
                .setUserId(call.userId())
                // a stateless request (the OpenAI-compatible edge) has no conversation
                .setConversationId(call.conversationId() == null || call.conversationId().isEmpty() ? null
                        : call.conversationId())
                .setProvider(call.provider())
                .setModel(call.model())
                .setInputTokens(usage.getInputTokens())
                .setOutputTokens(usage.getOutputTokens())
                .setCachedInputTokens(usage.getCachedInputTokens())
                .setReasoningTokens(usage.getReasoningTokens())
                .setSource(usage.getSource())
                .setOutcome(outcome)
                .setOwnKey(call.ownKey())
                .setRecordedAt(Instant.now())
                .setReservation(call.reservation())
                .build();
    }

    public static String eventId(String requestId, int ordinal) {
        return requestId + ":" + ordinal;
    }

    public CompletableFuture<?> send(UsageRecorded event) {
        return kafka.send(Topics.USAGE_RECORDED, event.getUserId(), event);
    }

    /**
     * Who made the call and with which model.
     *
     * @param ownKey the call ran on the user's own provider key
     * @param reservation the request's reservation, which the record names so that accounting settles it with one
     *        keyed update; null when the request had none
     */
    public record UsageCall(String requestId, String userId, String conversationId, String provider, String model,
            boolean ownKey, HeldReservation reservation) {

        public UsageCall(String requestId, String userId, String conversationId, String provider, String model,
                boolean ownKey) {
            this(requestId, userId, conversationId, provider, model, ownKey, null);
        }
    }
}
