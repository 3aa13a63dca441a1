package dev.parley.ingress.stream;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import dev.parley.events.ChatStreamed;
import dev.parley.events.Topics;
import dev.parley.ingress.message.MessageOutcomes;

/**
 * Stores each answer when its terminal event arrives, whether or not a client is watching. The instances
 * share one consumer group, so each event is stored once (and a redelivery stores the same values). Requests of
 * the OpenAI-compatible edge (empty message id) store nothing.
 */
@Component
class ChatStreamPersistenceListener {

    /** This listener's consumer decodes terminal events only. */
    static final String DESERIALIZER = "spring.deserializer.value.delegate.class="
            + "dev.parley.ingress.stream.TerminalEventDeserializer";

    private final MessageOutcomes outcomes;

    ChatStreamPersistenceListener(MessageOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = "chat-stream-persistence", topics = Topics.CHAT_STREAM, idIsGroup = false,
            properties = DESERIALIZER)
    void on(@Payload(required = false) ChatStreamed event) {
        // a skipped delta; a stateless /v1 request has no stored answer to finish
        if (event != null && !event.getMessageId().isEmpty()) {
            StreamEvents.outcome(event).ifPresent(outcomes::record);
        }
    }
}
