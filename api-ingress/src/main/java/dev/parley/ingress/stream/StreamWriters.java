package dev.parley.ingress.stream;

import java.util.concurrent.ExecutorService;

/**
 * The virtual threads that write answers to clients (SSE and WebSocket alike) and complete waiters: never the
 * Kafka consumer thread that delivers the events, which holds a request's lock. Not an {@code Executor} on purpose:
 * as a bean, that would replace Spring Boot's application task executor.
 */
public final class StreamWriters {

    private final ExecutorService executor;
    private final int maxQueuedPerClient;

    StreamWriters(ExecutorService executor, int maxQueuedPerClient) {
        this.executor = executor;
        this.maxQueuedPerClient = maxQueuedPerClient;
    }

    /** Runs work that must not run on the thread that delivers events. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Events waiting for one slow client before it is disconnected. */
    public int maxQueuedPerClient() {
        return maxQueuedPerClient;
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
