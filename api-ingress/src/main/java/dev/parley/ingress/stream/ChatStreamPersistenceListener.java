package dev.parley.ingress.stream;

import org.springframework.kafka.annotation.KafkaListener;
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

    private final MessageOutcomes outcomes;

    ChatStreamPersistenceListener(MessageOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = "chat-stream-persistence", topics = Topics.CHAT_STREAM, idIsGroup = false)
    void on(ChatStreamed event) {
        // a stateless /v1 request has no stored answer to finish
        if (!event.getMessageId().isEmpty()) {
            StreamEvents.outcome(event).ifPresent(outcomes::record);
        }
    }
}
