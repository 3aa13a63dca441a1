package dev.parley.ingress.webhook;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes deliveries that finished longer ago than the retention (a sweep rather than a TTL index, because
 * mongo-java-server ignores TTL indexes), and refreshes the pending gauge.
 */
@Component
class WebhookMaintenance {

    private static final Logger log = LoggerFactory.getLogger(WebhookMaintenance.class);

    private final DeliveryStore store;
    private final WebhookMetrics metrics;
    private final Duration retention;
    private final Clock clock;

    WebhookMaintenance(DeliveryStore store, WebhookMetrics metrics, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.retention = properties.retention();
        this.clock = clock;
    }

    void sweep() {
        try {
            long removed = store.removeFinishedBefore(clock.instant().minus(retention));
            if (removed > 0) {
                log.info("Removed {} webhook deliveries finished more than {} ago", removed, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove old webhook deliveries: {}", e.toString());
        }
    }

    void countPending() {
        try {
            metrics.pending(store.countPending());
        } catch (RuntimeException e) {
            log.warn("Could not count pending webhook deliveries: {}", e.toString());
        }
    }
}
