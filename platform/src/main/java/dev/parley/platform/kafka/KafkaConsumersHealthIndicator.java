package dev.parley.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code kafkaConsumers}: DOWN while a listener is not consuming (stopped, or its consumer not polling, see
 * {@link ConsumerLiveness}); {@code RETRYING} while a listener waits for a dependency that failed (see
 * {@link TransientFailures}), a status the overall health ignores because restarting the service would not help;
 * UP otherwise. Details per listener and per retrying partition.
 */
class KafkaConsumersHealthIndicator extends AbstractHealthIndicator {

    static final Status RETRYING = new Status("RETRYING", "A listener is retrying a transient failure");

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerLiveness liveness;
    private final TransientFailures failures;

    KafkaConsumersHealthIndicator(KafkaListenerEndpointRegistry registry, ConsumerLiveness liveness,
            TransientFailures failures) {
        super("Kafka consumer health check failed");
        this.registry = registry;
        this.liveness = liveness;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean down = false;
        Map<String, Object> listeners = new LinkedHashMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            ConsumerLiveness.Problem problem = liveness.problem(container);
            if (problem != null) {
                listeners.put(container.getListenerId(), "NOT CONSUMING since " + problem.at() + ": "
                        + problem.description());
                down = true;
            } else if (!container.isRunning() && container.isAutoStartup()) {
                listeners.put(container.getListenerId(), "STOPPED");
                down = true;
            } else {
                listeners.put(container.getListenerId(), container.isPauseRequested() ? "PAUSED" : "CONSUMING");
            }
        }
        var retrying = failures.retrying();
        builder.status(down ? Status.DOWN : retrying.isEmpty() ? Status.UP : RETRYING)
                .withDetail("listeners", listeners);
        if (!retrying.isEmpty()) {
            builder.withDetail("retrying", retrying);
        }
    }
}
