package dev.parley.ingress.stream;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.parley.events.ChatStreamed;
import dev.parley.events.Topics;

/**
 * Feeds this instance's SSE clients. Every instance has its own consumer group starting at the end of the
 * topic, so each one sees every request's live events.
 */
@Component
class ChatStreamFanoutListener {

    private final StreamHub hub;

    ChatStreamFanoutListener(StreamHub hub) {
        this.hub = hub;
    }

    @KafkaListener(id = "chat-stream-fanout", topics = Topics.CHAT_STREAM,
            groupId = "${parley.stream.fanout.group-id}",
            properties = "auto.offset.reset=${parley.stream.fanout.auto-offset-reset}",
            containerFactory = "fanoutListenerContainerFactory")
    void on(ChatStreamed event) {
        hub.publish(event.getRequestId(), event.getAttemptId(), StreamEvents.from(event));
    }
}
