package dev.parley.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.KafkaEvent;
import org.springframework.kafka.event.NonResponsiveConsumerEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Notices a listener whose consumer has stopped polling, or whose consumer stopped abnormally, and restarts its
 * container. A consumer that does not poll within {@code max.poll.interval.ms} leaves its group and its partitions go
 * unread: Spring Kafka's container monitor publishes {@link NonResponsiveConsumerEvent} well before that
 * ({@code spring.kafka.listener.no-poll-threshold} × {@code poll-timeout}, checked every {@code monitor-interval}) and
 * again at every check while it lasts. Restarting the container gives it new consumers on new threads, which join the
 * group again; a thread still stuck in the old consumer ends when it comes back, since its container is stopped.
 * The {@code kafkaConsumers} health component reports such a container DOWN while it lasts.
 */
public class ConsumerLiveness {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLiveness.class);

    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final Duration freshness;
    private final boolean restart;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param freshness how long a non-responsive report counts: longer than the monitor's interval, which repeats it
     */
    public ConsumerLiveness(Duration freshness, boolean restart, Clock clock, MeterRegistry meters) {
        this.freshness = freshness;
        this.restart = restart;
        this.clock = clock;
        this.meters = meters;
    }

    @EventListener
    public void onNonResponsive(NonResponsiveConsumerEvent event) {
        report(event, "no poll for " + event.getTimeSinceLastPoll() + " ms", true);
    }

    @EventListener
    public void onStopped(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.NORMAL) {
            report(event, "consumer stopped: " + event.getReason(), false);
        }
    }

    private void report(KafkaEvent event, String problem, boolean stuck) {
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        MessageListenerContainer child = event.getSource(MessageListenerContainer.class);
        if (container == null || (child != container && !child.isRunning())) {
            // a consumer of a container stopped by a restart: its thread may still be stuck, and its monitor repeats
            return;
        }
        String id = container.getListenerId();
        problems.put(id, new Problem(clock.instant(), problem));
        if (meters != null) {
            meters.counter("parley.kafka.listener.stalls", "listener", String.valueOf(id)).increment();
        }
        log.error("Kafka listener {} is not consuming ({}){}{}", id, problem, restart ? "; restarting it" : "",
                stuck ? "; where its consumer threads are:" + ConsumerStacks.of(id) : "");
        if (restart && restarting.add(id)) {
            Thread.ofPlatform().name("restart-" + id).daemon().start(() -> restartContainer(id, container));
        }
    }

    private void restartContainer(String id, MessageListenerContainer container) {
        try {
            container.stop();
            problems.remove(id);
            container.start();
            if (meters != null) {
                meters.counter("parley.kafka.listener.restarts", "listener", String.valueOf(id)).increment();
            }
            log.warn("Kafka listener {} restarted with new consumers", id);
        } catch (RuntimeException e) {
            log.error("Kafka listener {} could not be restarted", id, e);
        } finally {
            restarting.remove(id);
        }
    }

    /** Why the container is not consuming, if it is not (a report within the freshness window). */
    public Problem problem(MessageListenerContainer container) {
        Problem problem = problems.get(container.getListenerId());
        return problem != null && problem.at().plus(freshness).isAfter(clock.instant()) ? problem : null;
    }

    public record Problem(Instant at, String description) {
    }
}
