package dev.parley.worker.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Out-of-order completion, in-order commits. Requests finish in any order, but Kafka keeps one committed
 * offset per partition: a record may only be acknowledged once every earlier record of its partition that
 * this worker took has finished too, or a crash would skip the unfinished ones.
 * <p>
 * A partition taken away by a rebalance is set aside: its records cannot be acknowledged by this worker any more,
 * and a record of it that still runs here must not keep its redelivery (elsewhere, or here after the partition came
 * back) from running. If the very next assignment gives it back, its records are taken up again, so that the
 * redelivery of one still running here is recognised; otherwise they are dropped.
 *
 * @param <H> the handle that acknowledges a record
 */
final class OffsetTracker<H> {

    private final Map<Integer, TreeMap<Long, Tracked<H>>> partitions = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Tracked<H>>> revoked = new HashMap<>();

    /**
     * Starts tracking a record.
     *
     * @return false when the record is tracked already: it was delivered again (after a rebalance) while this
     *         worker still runs it, or after it finished here but before its offset was committed; its new handle
     *         replaces the old one
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
     *         record before it), or empty while an earlier record is still running, or when the record's partition
     *         was taken away meanwhile
     */
    synchronized Optional<H> complete(RecordPosition position) {
        Tracked<H> suspended = tracked(revoked, position);
        if (suspended != null) {
            suspended.done = true;
            return Optional.empty();
        }
        Tracked<H> tracked = tracked(partitions, position);
        if (tracked == null) {
            return Optional.empty();
        }
        tracked.done = true;
        return committable(position.partition());
    }

    /** The handle of the highest finished record of the partition that nothing unfinished precedes. */
    synchronized Optional<H> committable(int partition) {
        TreeMap<Long, Tracked<H>> offsets = partitions.get(partition);
        H committable = null;
        while (offsets != null && !offsets.isEmpty() && offsets.firstEntry().getValue().done) {
            committable = offsets.pollFirstEntry().getValue().handle;
        }
        return Optional.ofNullable(committable);
    }

    /** The partitions are being taken away: their records can no longer be acknowledged here. */
    synchronized void revoke(Collection<Integer> taken) {
        for (Integer partition : taken) {
            TreeMap<Long, Tracked<H>> offsets = partitions.remove(partition);
            if (offsets != null) {
                revoked.put(partition, offsets);
            }
        }
    }

    /** A new assignment: revoked partitions in it are taken up again, the others forgotten. */
    synchronized void assign(Collection<Integer> assigned) {
        for (Integer partition : assigned) {
            TreeMap<Long, Tracked<H>> offsets = revoked.remove(partition);
            if (offsets != null) {
                partitions.merge(partition, offsets, (current, back) -> {
                    back.putAll(current);
                    return back;
                });
            }
        }
        revoked.clear();
    }

    /** The partitions were lost without a revocation (the consumer left its group): forget them. */
    synchronized void lose(Collection<Integer> lost) {
        lost.forEach(partitions::remove);
        lost.forEach(revoked::remove);
    }

    synchronized int tracked() {
        return partitions.values().stream().mapToInt(Map::size).sum();
    }

    private static <H> Tracked<H> tracked(Map<Integer, TreeMap<Long, Tracked<H>>> in, RecordPosition position) {
        TreeMap<Long, Tracked<H>> offsets = in.get(position.partition());
        return offsets == null ? null : offsets.get(position.offset());
    }

    private static final class Tracked<H> {

        private H handle;
        private boolean done;

        private Tracked(H handle) {
            this.handle = handle;
        }
    }
}
