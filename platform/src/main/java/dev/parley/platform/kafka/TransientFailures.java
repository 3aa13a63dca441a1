package dev.parley.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts listener failures by kind ({@code parley.kafka.listener.failures}) and remembers which partitions are
 * retrying a transient failure now ({@code parley.kafka.listener.retrying}, and the {@code kafkaConsumers} health
 * details). A partition counts as retrying while its last transient failure is more recent than the window, which
 * is longer than the longest pause between two attempts: no callback says that a retried record finally succeeded.
 * It is also where a failed record is logged: a transient failure at its first and every tenth attempt (an outage
 * of hours is one line every few minutes, not one stack trace per attempt), any other failure at each attempt.
 */
public class TransientFailures implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    private final Map<TopicPartition, Retrying> partitions = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;
    private final MeterRegistry meters;

    public TransientFailures(Duration window, Clock clock, MeterRegistry meters) {
        this.window = window;
        this.clock = clock;
        this.meters = meters;
        if (meters != null) {
            Gauge.builder("parley.kafka.listener.retrying", this, failures -> failures.retrying().size())
                    .description("Partitions whose listener is retrying a transient failure (a dependency is down)")
                    .register(meters);
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        FailureKind kind = Failures.classify(failure);
        if (meters != null) {
            Counter.builder("parley.kafka.listener.failures").tag("topic", record.topic())
                    .tag("kind", kind.name().toLowerCase()).description("Records a listener failed to handle")
                    .register(meters).increment();
        }
        if (kind != FailureKind.TRANSIENT) {
            // The only report of it: ParleyErrorHandler keeps Spring Kafka's per-attempt "Error handler threw" quiet.
            log.warn("{}-{} offset {}: {} failure (attempt {}), {}", record.topic(), record.partition(),
                    record.offset(), kind.name().toLowerCase(), deliveryAttempt,
                    kind == FailureKind.POISON ? "dead-lettered" : "retried a few times, then dead-lettered", failure);
            return;
        }
        var partition = new TopicPartition(record.topic(), record.partition());
        Retrying previous = partitions.get(partition);
        Instant since = previous != null && isCurrent(previous) ? previous.since() : clock.instant();
        partitions.put(partition, new Retrying(since, clock.instant(), deliveryAttempt, record.offset(),
                rootMessage(failure)));
        if (deliveryAttempt == 1 || deliveryAttempt % 10 == 0) {
            log.warn("{}-{} offset {}: transient failure, retrying without limit (attempt {}): {}", record.topic(),
                    record.partition(), record.offset(), deliveryAttempt, rootMessage(failure));
        }
    }

    /** A whole batch retried (a batch listener that did not name the failed record): reported as its first record. */
    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int deliveryAttempt) {
        if (!records.isEmpty()) {
            failedDelivery(records.iterator().next(), failure, deliveryAttempt);
        }
    }

    /** The partitions retrying now, by {@code topic-partition}. */
    public Map<String, Retrying> retrying() {
        Map<String, Retrying> current = new TreeMap<>();
        partitions.forEach((partition, retrying) -> {
            if (isCurrent(retrying)) {
                current.put(partition.toString(), retrying);
            }
        });
        return current;
    }

    private boolean isCurrent(Retrying retrying) {
        return retrying.lastFailure().plus(window).isAfter(clock.instant());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * @param since when the current run of failures began
     * @param attempts deliveries of the record so far
     */
    public record Retrying(Instant since, Instant lastFailure, int attempts, long offset, String failure) {
    }
}
