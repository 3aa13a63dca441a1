package dev.parley.ingress.stream;

import java.util.concurrent.ExecutorService;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Creates the SSE subscribers; owns the virtual threads that write to the clients. */
final class SseWriters {

    private final ExecutorService executor;
    private final int maxQueuedPerClient;

    SseWriters(ExecutorService executor, int maxQueuedPerClient) {
        this.executor = executor;
        this.maxQueuedPerClient = maxQueuedPerClient;
    }

    SseSubscriber subscriber(SseEmitter emitter) {
        return new SseSubscriber(emitter, executor, maxQueuedPerClient);
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
