package dev.parley.ingress.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Measures the fan-out consumer's catch-up: the records from the lookback seek to the end chat.stream had when
 * the partitions were assigned. spring-kafka calls the listener's seek ({@link ChatStreamFanoutListener}) before
 * the rebalance listener, so the positions read there are where the catch-up starts.
 */
final class FanoutCatchUp {

    private static final Logger log = LoggerFactory.getLogger(FanoutCatchUp.class);

    private final CatchUpProgress progress = new CatchUpProgress();
    private final Clock clock;
    private volatile Instant startedAt;
    private volatile long records;

    FanoutCatchUp(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /**
     * For the fan-out container only. Not a bean of its own: Spring Boot would put a rebalance listener bean on
     * every listener container, the persisting one included.
     */
    ConsumerAwareRebalanceListener rebalanceListener() {
        return new ConsumerAwareRebalanceListener() {

            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                begin(consumer, partitions);
            }

            @Override
            public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer,
                    Collection<TopicPartition> partitions) {
                progress.forget(partitions);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                progress.forget(partitions);
            }
        };
    }

    private void begin(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        partitions.forEach(partition -> starts.put(partition, consumer.position(partition)));
        progress.begin(starts, consumer.endOffsets(partitions));
        startedAt = clock.instant();
        records = progress.remaining();
        if (progress.caughtUp()) {
            log.info("Fan-out of chat.stream: nothing to catch up on {} partitions", partitions.size());
        } else {
            log.info("Fan-out of chat.stream catching up: {} records on {} partitions", records, partitions.size());
        }
    }

    /** Called for every record the fan-out consumer handles. */
    void read(String topic, int partition, long offset) {
        if (progress.read(new TopicPartition(topic, partition), offset)) {
            log.info("Fan-out of chat.stream caught up: {} records in {} ms", records,
                    Duration.between(startedAt, clock.instant()).toMillis());
        }
    }

    /** Records still to read before the catch-up is over (0 once it is). */
    long remaining() {
        return progress.remaining();
    }
}
