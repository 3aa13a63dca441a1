package dev.parley.ingress.stream;

import java.util.concurrent.ExecutorService;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Creates the SSE subscribers; owns the virtual threads that write to the clients and complete waiters. */
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

    SseSubscriber subscriber(SseEmitter emitter, SseFormat format, Runnable onClientGone) {
        return new SseSubscriber(emitter, executor, maxQueuedPerClient, format, onClientGone);
    }

    /** Runs work that must not run on the thread that delivers events (it holds a request's lock). */
    void execute(Runnable task) {
        executor.execute(task);
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
