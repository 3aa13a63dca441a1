package dev.parley.ingress.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.parley.platform.crypto.KeyRing;

/**
 * Runs on every instance: claims due deliveries (a lease, so that no two instances send the same attempt) while
 * this instance has fewer than the allowed POSTs in flight, and sends each on its own virtual thread. Deliveries
 * are at least once: an instance that dies after a receiver accepted but before recording it leaves a lease that
 * runs out, and another instance sends the attempt again with the same delivery id.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryStore store;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final AttemptPolicy policy;
    private final Duration lease;
    private final Duration callTimeout;
    private final Semaphore permits;
    private final int perUser;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-", 0).factory());

    WebhookDispatcher(DeliveryStore store, WebhookSecrets secrets, WebhookSender sender, WebhookMetrics metrics,
            WebhookProperties properties, @Value("${parley.webhook.max-concurrent-per-user:4}") int perUser,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.sender = sender;
        this.metrics = metrics;
        this.policy = new AttemptPolicy(properties.maxAttempts(),
                new RetrySchedule(properties.retryDelays(), properties.jitter(), properties.maxRetryAfter()));
        this.lease = properties.lease();
        this.callTimeout = properties.callTimeout();
        this.permits = new Semaphore(properties.maxConcurrentDeliveries());
        this.perUser = Math.max(1, perUser);
        this.clock = clock;
    }

    void dispatch() {
        while (permits.tryAcquire()) {
            Optional<WebhookDeliveryDocument> claimed;
            try {
                claimed = store.claim(clock.instant(), lease, UUID.randomUUID().toString(), atTheirShare());
            } catch (RuntimeException e) {
                permits.release();
                log.warn("Could not claim webhook deliveries: {}", e.toString());
                return;
            }
            if (claimed.isEmpty()) {
                permits.release();
                return;
            }
            start(claimed.get());
        }
    }

    /**
     * Users whose deliveries already hold their share of this instance's slots: their next ones wait, so that a
     * user with a slow receiver (each attempt may last the call timeout) cannot take every slot from the others.
     */
    private Set<String> atTheirShare() {
        Set<String> busy = new HashSet<>();
        inFlight.forEach((user, count) -> {
            if (count >= perUser) {
                busy.add(user);
            }
        });
        return busy;
    }

    private void start(WebhookDeliveryDocument delivery) {
        inFlight.merge(delivery.userId(), 1, Integer::sum);
        try {
            executor.execute(() -> {
                try {
                    attempt(delivery);
                } catch (RuntimeException e) {
                    // its lease runs out and the attempt is made again
                    log.warn("Webhook delivery {} attempt broke off: {}", delivery.deliveryId(), e.toString());
                } finally {
                    finished(delivery);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            finished(delivery);
        }
    }

    private void finished(WebhookDeliveryDocument delivery) {
        inFlight.computeIfPresent(delivery.userId(), (user, count) -> count <= 1 ? null : count - 1);
        permits.release();
    }

    void attempt(WebhookDeliveryDocument delivery) {
        AttemptResult result = send(delivery);
        Instant now = clock.instant();
        AttemptPolicy.Next next = policy.next(delivery.attempts() + 1, result, now,
                ThreadLocalRandom.current().nextDouble());
        if (store.recordAttempt(delivery, result, next, now)) {
            metrics.attempted(next.status());
        } else {
            log.warn("Webhook delivery {}: the lease ran out during the attempt; another instance repeats it",
                    delivery.deliveryId());
        }
    }

    private AttemptResult send(WebhookDeliveryDocument delivery) {
        Optional<String> secret;
        try {
            secret = secrets.signingSecret(delivery.userId());
        } catch (KeyRing.CryptoException unreadable) {
            return new AttemptResult(AttemptResult.Verdict.FAILED, null, null,
                    "the webhook secret can no longer be read; create a new one");
        }
        return secret.map(key -> sender.send(delivery, key)).orElseGet(() -> new AttemptResult(
                AttemptResult.Verdict.FAILED, null, null, "no webhook secret to sign with"));
    }

    /** Lets attempts in flight finish (each is bounded by the call timeout) before MongoDB goes away. */
    @PreDestroy
    void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(callTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
