package dev.parley.worker.stream;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Opens the stream of each answer with the shared coalescing policy and flush timer, and counts the open ones: the
 * policy widens every stream's window as more are open ({@code parley.worker.stream.flush.window}).
 */
@Component
public class StreamEmitters {

    private final ChatStreamPublisher publisher;
    private final CoalescingPolicy policy;
    private final ScheduledExecutorService flushTimer;
    private final OpenStreams openStreams = new OpenStreams();

    StreamEmitters(ChatStreamPublisher publisher, CoalescingPolicy policy, ScheduledExecutorService flushTimer,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.policy = policy;
        this.flushTimer = flushTimer;
        Gauge.builder("parley.worker.stream.flush.window", this, emitters -> emitters.window().toNanos() / 1e9)
                .description("How long a stream's text may wait for more before it is sent, at the open streams now")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Open with {@link StreamEmitter#finish()} or {@link StreamEmitter#abandon()}, which every caller must reach. */
    public StreamEmitter open(StreamTarget target) {
        return new StreamEmitter(target, publisher, policy, flushTimer, openStreams);
    }

    Duration window() {
        return policy.window(openStreams.count());
    }
}
