package dev.parley.ingress.webhook;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Webhook attempts by outcome, deliveries scheduled, and deliveries pending across all instances (counted in
 * MongoDB from time to time, not at every scrape).
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Counter scheduled;
    private final AtomicLong pending = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.scheduled = Counter.builder("parley.ingress.webhook.scheduled")
                .description("Answers whose webhook delivery was scheduled")
                .register(registry);
        Gauge.builder("parley.ingress.webhook.pending", pending, AtomicLong::get)
                .description("Webhook deliveries not yet delivered or failed, on all instances")
                .register(registry);
    }

    void scheduled() {
        scheduled.increment();
    }

    /** @param next the delivery's state after the attempt */
    void attempted(DeliveryStatus next) {
        String outcome = switch (next) {
            case DELIVERED -> "delivered";
            case PENDING -> "retried";
            case FAILED -> "failed";
        };
        Counter.builder("parley.ingress.webhook.deliveries")
                .description("Webhook attempts by outcome: delivered, retried later, failed for good")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void pending(long count) {
        pending.set(count);
    }
}
