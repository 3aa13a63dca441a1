package dev.parley.ingress.webhook;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Where answers meet their webhooks: a finished answer gets its one durable delivery, which the dispatcher of
 * some instance sends, and messages show the state of theirs.
 */
@Service
public class WebhookDeliveries {

    private final DeliveryStore store;
    private final WebhookMetrics metrics;
    private final Clock clock;

    WebhookDeliveries(DeliveryStore store, WebhookMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Makes the answer's delivery due now. Idempotent: the answer's terminal event may be stored again (a
     * redelivery), and its delivery is then the one made the first time.
     */
    public void schedule(WebhookAnswer answer) {
        if (store.insert(WebhookDeliveryDocument.due(UUID.randomUUID().toString(), answer, clock.instant()))) {
            metrics.scheduled();
        }
    }

    /** The state of the user's deliveries of these answers, by message id; answers without one are absent. */
    public Map<String, WebhookStatus> statuses(String userId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return store.find(userId, messageIds).stream()
                .collect(Collectors.toMap(WebhookDeliveryDocument::id, WebhookStatus::of));
    }
}
