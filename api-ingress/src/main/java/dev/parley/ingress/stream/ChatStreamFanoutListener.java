package dev.parley.ingress.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.parley.events.ChatStreamed;
import dev.parley.events.TokensGenerated;
import dev.parley.events.Topics;

/**
 * Feeds this instance's SSE clients. Every instance has its own consumer group, so each one sees every request's
 * events. On assignment it goes back {@code parley.stream.fanout.lookback} in time, so that an instance started
 * while answers are in progress (a replacement, a new one behind the load balancer) holds them from their first
 * event and can serve any client that reconnects to it.
 */
@Component
class ChatStreamFanoutListener extends AbstractConsumerSeekAware {

    private final StreamHub hub;
    private final FanoutCatchUp catchUp;
    private final StreamProperties properties;
    private final Clock clock;
    private final Timer firstDelta;

    ChatStreamFanoutListener(StreamHub hub, FanoutCatchUp catchUp, StreamProperties properties, Clock clock,
            MeterRegistry meters) {
        this.hub = hub;
        this.catchUp = catchUp;
        this.properties = properties;
        this.clock = clock;
        this.firstDelta = Timer.builder("parley.ingress.stream.first.write")
                .description("From the worker's first delta of an answer (its record's timestamp) to its hand-off to "
                        + "this instance's clients")
                .publishPercentileHistogram().register(meters);
    }

    @KafkaListener(id = "chat-stream-fanout", topics = Topics.CHAT_STREAM,
            groupId = "${parley.stream.fanout.group-id}",
            properties = "auto.offset.reset=${parley.stream.fanout.auto-offset-reset}",
            containerFactory = "fanoutListenerContainerFactory", containerPostProcessor = "fanoutCatchUpContainer")
    void on(ChatStreamed event, ConsumerRecordMetadata record) {
        hub.publish(event.getRequestId(), event.getAttemptId(), StreamEvents.from(event),
                Instant.ofEpochMilli(record.timestamp()));
        // events read back while catching up are old: they would only blur the live figure
        if (event.getSequence() == 0 && event.getPayload() instanceof TokensGenerated && catchUp.remaining() == 0) {
            firstDelta.record(Math.max(0, clock.millis() - record.timestamp()), TimeUnit.MILLISECONDS);
        }
        catchUp.read(record.topic(), record.partition(), record.offset());
    }

    /**
     * Also on a re-assignment (the group commits nothing, so it would start at the end again): the hub ignores
     * events it already has.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        long from = clock.instant().minus(properties.fanout().lookback()).toEpochMilli();
        callback.seekToTimestamp(assignments.keySet(), from);
    }
}
