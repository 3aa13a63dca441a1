package dev.parley.bench.load;

import java.time.Duration;

/**
 * A closed loop: {@code concurrency} clients, each waiting a random think time in [0, jitter] before every request
 * and sending the next one only when the last one ended. Requests started during {@code warmup} are not measured;
 * the measured window then lasts {@code duration} or until {@code maxRequests} measured requests ended, whichever
 * comes first. Requests still running at the end get {@code drain} to finish, then are cancelled.
 */
public record LoadPlan(int concurrency, Duration warmup, Duration duration, long maxRequests, Duration jitter,
        Duration drain) {

    public LoadPlan {
        if (concurrency < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("concurrency and count must be >= 1");
        }
    }
}
