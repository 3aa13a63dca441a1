package dev.parley.ingress.stream;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * How far the fan-out consumer still is from where chat.stream ended when its partitions were assigned: per
 * partition, the records between the position it reached and that end. Written by the consumer thread, read by
 * the metrics.
 */
final class CatchUpProgress {

    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    /**
     * Starts tracking newly assigned partitions.
     *
     * @param starts each partition's position after the lookback seek
     * @param ends each partition's end offset (the offset of the next record to be written)
     * @return the records to read before this instance is caught up on these partitions
     */
    long begin(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        long records = 0;
        for (var start : starts.entrySet()) {
            long end = ends.getOrDefault(start.getKey(), start.getValue());
            if (end > start.getValue()) {
                this.ends.put(start.getKey(), end);
                positions.put(start.getKey(), start.getValue());
                records += end - start.getValue();
            }
        }
        return records;
    }

    /**
     * Notes that the record at {@code offset} was read.
     *
     * @return true when this record completed the catch-up of the last partition still behind
     */
    boolean read(TopicPartition partition, long offset) {
        Long end = ends.get(partition);
        if (end == null) {
            return false;
        }
        // a record the error handler skipped has no read of its own: the next one moves past it
        if (offset + 1 < end) {
            positions.put(partition, offset + 1);
            return false;
        }
        forget(partition);
        return ends.isEmpty();
    }

    /** Partitions this consumer no longer reads. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(this::forget);
    }

    /** Records still to read before the consumer reaches the ends noted at assignment. */
    long remaining() {
        long remaining = 0;
        for (var end : ends.entrySet()) {
            remaining += Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), end.getValue()));
        }
        return remaining;
    }

    boolean caughtUp() {
        return ends.isEmpty();
    }

    private void forget(TopicPartition partition) {
        ends.remove(partition);
        positions.remove(partition);
    }
}
