package dev.parley.worker.stream;

import java.util.concurrent.ScheduledExecutorService;

import org.springframework.stereotype.Component;

/** Opens the stream of each answer with the shared coalescing policy and flush timer. */
@Component
public class StreamEmitters {

    private final ChatStreamPublisher publisher;
    private final CoalescingPolicy policy;
    private final ScheduledExecutorService flushTimer;

    StreamEmitters(ChatStreamPublisher publisher, CoalescingPolicy policy, ScheduledExecutorService flushTimer) {
        this.publisher = publisher;
        this.policy = policy;
        this.flushTimer = flushTimer;
    }

    public StreamEmitter open(StreamTarget target) {
        return new StreamEmitter(target, publisher, policy, flushTimer);
    }
}
