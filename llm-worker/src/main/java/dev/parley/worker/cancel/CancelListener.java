package dev.parley.worker.cancel;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.parley.events.CancelRequested;
import dev.parley.events.Topics;

/** Hears every cancel: each worker instance has its own consumer group, starting at the newest record. */
@Component
class CancelListener {

    static final String ID = "chat-control";

    private final CancelRegistry registry;

    CancelListener(CancelRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(id = ID, topics = Topics.CHAT_CONTROL, groupId = "${parley.worker.control-group}",
            properties = "auto.offset.reset=latest")
    void on(CancelRequested event) {
        registry.cancel(event.getRequestId(), event.getUserId());
    }
}
