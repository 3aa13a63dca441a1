package dev.parley.worker.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import dev.parley.platform.logging.LogContext;
import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.generation.GenerationRequest;
import dev.parley.worker.generation.GenerationService;

/**
 * Runs each request on its own virtual thread, so that the consumer thread only hands records over and a long
 * stream never delays a poll. Bounds the requests in progress (streaming, then publishing their answer) by pausing
 * the request listener when full and resuming it when a slot frees. Acknowledges a record only after its terminal
 * event and usage records reached the broker (or, when they could not, after the request was dead-lettered), in
 * offset order per partition: a worker killed mid-stream leaves the record uncommitted and another worker redoes it.
 */
@Component
class GenerationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationDispatcher.class);

    private final GenerationService generation;
    private final AnswerDelivery delivery;
    private final KafkaListenerEndpointRegistry listeners;
    private final StreamSlots<Job> slots;
    private final OffsetTracker<Acknowledgment> offsets = new OffsetTracker<>();
    private final Duration shutdownGrace;
    private volatile boolean running;
    private volatile boolean draining;

    GenerationDispatcher(GenerationService generation, AnswerDelivery delivery, KafkaListenerEndpointRegistry listeners,
            WorkerProperties properties, MeterRegistry meters) {
        this.generation = generation;
        this.delivery = delivery;
        this.listeners = listeners;
        this.slots = new StreamSlots<>(properties.maxConcurrentStreams());
        this.shutdownGrace = properties.shutdownGrace();
        Gauge.builder("parley.worker.streams.active", slots, StreamSlots::running)
                .description("Requests in progress: streaming, or publishing their answer").register(meters);
        Gauge.builder("parley.worker.streams.waiting", slots, StreamSlots::waiting)
                .description("Requests received while all stream slots were busy").register(meters);
        Gauge.builder("parley.worker.requests.uncommitted", offsets, OffsetTracker::tracked)
                .description("Request records not yet committed").register(meters);
    }

    void dispatch(GenerationRequest request, ConsumerRecord<?, ?> record, Acknowledgment ack) {
        var position = new RecordPosition(record.partition(), record.offset());
        if (!offsets.track(position, ack)) {
            log.info("Request {} was delivered again while it runs or waits for its commit here; not starting it "
                    + "twice", request.requestId());
            offsets.committable(position.partition()).ifPresent(Acknowledgment::acknowledge);
            return;
        }
        // the record's log context (request id, user, chat request), for the generation thread's logs and events
        var job = new Job(request, record, position, MDC.getCopyOfContextMap());
        if (slots.admit(job)) {
            start(job);
        }
        adjustFlow();
    }

    private void start(Job job) {
        Thread.ofVirtual().name("generation-" + job.request().requestId())
                .start(LogContext.wrap(job.logContext(), () -> run(job)));
    }

    private void run(Job job) {
        try {
            if (delivery.deliver(job.record(), job.request().requestId(), () -> generation.generate(job.request()))) {
                offsets.complete(job.position()).ifPresent(Acknowledgment::acknowledge);
            }
        } finally {
            slots.release().ifPresent(this::start);
            adjustFlow();
        }
    }

    /** The rebalance listener of the request container (see {@link IntakeConfiguration}). */
    void revoked(Collection<TopicPartition> partitions) {
        offsets.revoke(partitions.stream().map(TopicPartition::partition).toList());
    }

    void assigned(Collection<TopicPartition> partitions) {
        offsets.assign(partitions.stream().map(TopicPartition::partition).toList());
    }

    void lost(Collection<TopicPartition> partitions) {
        offsets.lose(partitions.stream().map(TopicPartition::partition).toList());
    }

    private synchronized void adjustFlow() {
        MessageListenerContainer container = listeners.getListenerContainer(ChatRequestListener.ID);
        if (container == null) {
            return;
        }
        boolean full = draining || slots.isFull();
        if (full && !container.isPauseRequested()) {
            log.info("Pausing chat requests: {} streams running, {} waiting", slots.running(), slots.waiting());
            container.pause();
        } else if (!full && container.isPauseRequested()) {
            log.info("Resuming chat requests");
            container.resume();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets running streams finish (bounded) before the listener stops, so their records get committed. */
    @Override
    public void stop() {
        draining = true;
        adjustFlow();
        try {
            if (!slots.awaitIdle(shutdownGrace)) {
                log.warn("{} streams still running at shutdown; their requests will be redone by another worker",
                        slots.running());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the listener containers (higher phases stop first), while acks can still be committed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    private record Job(GenerationRequest request, ConsumerRecord<?, ?> record, RecordPosition position,
            Map<String, String> logContext) {
    }
}
