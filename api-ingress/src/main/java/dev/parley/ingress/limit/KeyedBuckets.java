package dev.parley.ingress.limit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per key (an email, an address, a user): {@code capacity} events per {@code window}, refilled
 * gradually. In memory: each instance counts on its own.
 */
final class KeyedBuckets {

    // full buckets carry no information: they are dropped once this many keys are held
    private static final int SWEEP_THRESHOLD = 10_000;

    private final long capacity;
    private final Duration window;
    private final TimeMeter time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    KeyedBuckets(long capacity, Duration window, TimeMeter time) {
        this.capacity = capacity;
        this.window = window;
        this.time = time;
    }

    /** How long the key must wait before its next event is allowed; zero when it is allowed now. */
    Duration blockedFor(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Counts one event; zero when it was allowed, else how long the key must wait. */
    Duration consume(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(String key) {
        if (buckets.size() >= SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .withCustomTimePrecision(time)
                .build());
    }
}
