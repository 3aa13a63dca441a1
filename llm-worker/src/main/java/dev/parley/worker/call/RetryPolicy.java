package dev.parley.worker.call;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.platform.retry.Backoff;
import dev.parley.worker.provider.ProviderError;

/**
 * Whether and when to call a provider again after a failure before the first delta: only for retryable errors
 * (429, 5xx, connection trouble, in-stream overload), at most {@code maxAttempts} calls, after the provider's
 * {@code Retry-After} when it sent one, otherwise after an exponential backoff with jitter (half fixed, half
 * random, so that retries of a burst spread out but still back off). A {@code Retry-After} beyond
 * {@code maxRetryAfter} means: do not wait here, fall back.
 */
final class RetryPolicy {

    private final Retry retry;
    private final Backoff backoff;
    private final DoubleSupplier random;

    RetryPolicy(Retry retry, DoubleSupplier random) {
        this.retry = retry;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        this.random = random;
    }

    /**
     * @param callsMade calls to this provider and model so far, the failed one included
     * @return the wait before the next call, or empty when there should be none
     */
    Optional<Duration> delayAfter(int callsMade, ProviderError error) {
        if (error == null || !error.retryable() || callsMade >= retry.maxAttempts()) {
            return Optional.empty();
        }
        if (error.retryAfter() != null) {
            return error.retryAfter().compareTo(retry.maxRetryAfter()) <= 0 ? Optional.of(error.retryAfter())
                    : Optional.empty();
        }
        return Optional.of(backoff.withEqualJitter(callsMade, random.getAsDouble()));
    }
}
