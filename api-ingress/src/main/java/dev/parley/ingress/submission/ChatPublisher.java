package dev.parley.ingress.submission;

import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends events without blocking the caller: the future completes when the broker has acknowledged the record
 * (acks=all), or fails, also for errors that the producer raises before sending.
 */
@Component
class ChatPublisher {

    private final KafkaTemplate<Object, Object> kafka;

    ChatPublisher(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    CompletableFuture<Void> publish(String topic, String key, SpecificRecord event) {
        try {
            return kafka.send(topic, key, event).thenApply(result -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
