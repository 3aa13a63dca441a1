package dev.parley.worker.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Out-of-order completion, in-order commits. Requests finish in any order, but Kafka keeps one committed
 * offset per partition: a record may only be acknowledged once every earlier record of its partition that
 * this worker took has finished too, or a crash would skip the unfinished ones.
 *
 * @param <H> the handle that acknowledges a record
 */
final class OffsetTracker<H> {

    private final Map<Integer, TreeMap<Long, Tracked<H>>> partitions = new HashMap<>();

    /**
     * Starts tracking a record.
     *
     * @return false when the record is tracked already: it was delivered again (after a rebalance) while this
     *         worker still runs it, and its new handle replaces the old one
     */
    synchronized boolean track(RecordPosition position, H handle) {
        TreeMap<Long, Tracked<H>> offsets = partitions.computeIfAbsent(position.partition(), p -> new TreeMap<>());
        Tracked<H> tracked = offsets.get(position.offset());
        if (tracked != null) {
            tracked.handle = handle;
            return false;
        }
        offsets.put(position.offset(), new Tracked<>(handle));
        return true;
    }

    /**
     * Marks a record finished.
     *
     * @return the handle of the highest record that can now be acknowledged (acknowledging it commits every
     *         record before it), or empty while an earlier record is still running
     */
    synchronized Optional<H> complete(RecordPosition position) {
        TreeMap<Long, Tracked<H>> offsets = partitions.get(position.partition());
        Tracked<H> tracked = offsets == null ? null : offsets.get(position.offset());
        if (tracked == null) {
            return Optional.empty();
        }
        tracked.done = true;
        H committable = null;
        while (!offsets.isEmpty() && offsets.firstEntry().getValue().done) {
            committable = offsets.pollFirstEntry().getValue().handle;
        }
        return Optional.ofNullable(committable);
    }

    synchronized int tracked() {
        return partitions.values().stream().mapToInt(Map::size).sum();
    }

    private static final class Tracked<H> {

        private H handle;
        private boolean done;

        private Tracked(H handle) {
            this.handle = handle;
        }
    }
}
