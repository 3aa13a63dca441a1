package dev.parley.worker.limits;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.provider.Cancellation;

/**
 * Admission to one provider: requests-per-minute and tokens-per-minute token buckets (bucket4j, refilled
 * greedily, so a burst up to the minute's budget passes at once), then a concurrency slot. A request that
 * cannot be admitted waits, cancellably, up to the configured queue wait: a burst queues here instead of
 * drawing 429s from the provider.
 */
final class ProviderLimiter {

    /** Waits are cut in slices so that a cancel is seen within this long. */
    static final Duration WAIT_SLICE = Duration.ofMillis(100);

    private final Limits limits;
    private final Bucket requests;
    private final Bucket tokens;
    private final Semaphore slots;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    ProviderLimiter(Limits limits) {
        this.limits = limits;
        this.requests = perMinute(limits.requestsPerMinute());
        this.tokens = perMinute(limits.tokensPerMinute());
        this.slots = limits.maxConcurrent() > 0 ? new Semaphore(limits.maxConcurrent(), true) : null;
    }

    /**
     * @param estimatedTokens prompt plus the most the answer may take, counted against tokens per minute
     * @return a permit to release when the call ended; empty when the wait ran out or the request was cancelled
     */
    Optional<Permit> admit(long estimatedTokens, Cancellation cancellation) {
        long deadline = System.nanoTime() + limits.maxQueueWait().toNanos();
        queued.incrementAndGet();
        try {
            if (!takeRate(estimatedTokens, deadline, cancellation) || !takeSlot(deadline, cancellation)) {
                return Optional.empty();
            }
        } finally {
            queued.decrementAndGet();
        }
        running.incrementAndGet();
        return Optional.of(this::release);
    }

    int queued() {
        return queued.get();
    }

    int running() {
        return running.get();
    }

    /** Gives up at once when the buckets refill only after the deadline: waiting would not help. */
    private boolean takeRate(long estimatedTokens, long deadline, Cancellation cancellation) {
        while (true) {
            long wait = tryConsume(estimatedTokens);
            if (wait == 0) {
                return true;
            }
            if (System.nanoTime() + wait > deadline || cancellation.await(Duration.ofNanos(wait))) {
                return false;
            }
        }
    }

    /** @return 0 when both buckets granted, else nanoseconds until the lacking one may */
    private long tryConsume(long estimatedTokens) {
        ConsumptionProbe request = requests == null ? null : requests.tryConsumeAndReturnRemaining(1);
        if (request != null && !request.isConsumed()) {
            return Math.max(1, request.getNanosToWaitForRefill());
        }
        if (tokens == null) {
            return 0;
        }
        // a request larger than the whole minute's budget may still run alone, once the bucket is full
        long wanted = Math.min(Math.max(1, estimatedTokens), limits.tokensPerMinute());
        ConsumptionProbe probe = tokens.tryConsumeAndReturnRemaining(wanted);
        if (probe.isConsumed()) {
            return 0;
        }
        if (requests != null) {
            requests.addTokens(1);
        }
        return Math.max(1, probe.getNanosToWaitForRefill());
    }

    private boolean takeSlot(long deadline, Cancellation cancellation) {
        if (slots == null) {
            return true;
        }
        try {
            while (!slots.tryAcquire(WAIT_SLICE.toNanos(), TimeUnit.NANOSECONDS)) {
                if (cancellation.isCancelled() || System.nanoTime() >= deadline) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (cancellation.isCancelled()) {
            slots.release();
            return false;
        }
        return true;
    }

    private void release() {
        running.decrementAndGet();
        if (slots != null) {
            slots.release();
        }
    }

    private static Bucket perMinute(long perMinute) {
        if (perMinute <= 0) {
            return null;
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
