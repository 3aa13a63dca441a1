package dev.parley.worker.stream;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.parley.events.ChatStreamKinds;
import dev.parley.events.ChatStreamed;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;
import dev.parley.worker.config.WorkerProperties;

/**
 * Sends {@code ChatStreamed} events keyed by request id, so one answer stays in order on one partition.
 * Sends never block: the producer is idempotent, so its retries keep the order too. Each record carries its kind
 * in the {@link ChatStreamKinds#HEADER} header, so that readers interested in terminal events only skip deltas
 * without decoding them.
 */
@Component
public class ChatStreamPublisher {

    private static final Logger log = LoggerFactory.getLogger(ChatStreamPublisher.class);

    private final KafkaTemplate<Object, Object> kafka;
    private final String workerId;

    ChatStreamPublisher(KafkaTemplate<Object, Object> kafka, WorkerProperties properties) {
        this.kafka = kafka;
        this.workerId = properties.instanceId();
    }

    /** Never throws: a lost delta only delays text that the terminal event carries in full anyway. */
    void delta(StreamTarget target, long sequence, String text) {
        CompletableFuture<?> sent;
        try {
            sent = send(target, sequence, new TokensGenerated(text));
        } catch (RuntimeException e) {
            // the producer refuses some failures at once (no metadata, not authorized) instead of in the future
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Delta {} of request {} was not published: {}", sequence, target.requestId(),
                        failure.toString());
            }
        });
    }

    /** @param payload a {@code ChatCompleted} or {@code ChatFailed} */
    public CompletableFuture<?> terminal(StreamTarget target, long sequence, Object payload) {
        return send(target, sequence, payload);
    }

    private CompletableFuture<?> send(StreamTarget target, long sequence, Object payload) {
        ChatStreamed event = ChatStreamed.newBuilder()
                .setRequestId(target.requestId())
                .setUserId(target.userId())
                .setConversationId(target.conversationId())
                .setMessageId(target.messageId())
                .setSequence(sequence)
                .setEmittedAt(Instant.now())
                .setPayload(payload)
                .setAttemptId(target.attemptId())
                .setWorkerId(workerId)
                .build();
        var record = new ProducerRecord<Object, Object>(Topics.CHAT_STREAM, target.requestId(), event);
        record.headers().add(ChatStreamKinds.HEADER, ChatStreamKinds.headerValue(payload));
        return kafka.send(record);
    }
}
