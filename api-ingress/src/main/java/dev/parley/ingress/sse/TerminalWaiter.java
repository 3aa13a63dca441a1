package dev.parley.ingress.sse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.stream.StreamSubscriber;

/**
 * Waits for a request's terminal event. The hub calls it under the request's lock, so it only records the event
 * and completes the future on another thread: whatever depends on the future may then call back into the hub.
 */
final class TerminalWaiter implements StreamSubscriber {

    private final CompletableFuture<StreamData> future = new CompletableFuture<>();
    private final Executor writers;
    private volatile StreamData terminal;

    TerminalWaiter(Executor writers) {
        this.writers = writers;
    }

    CompletableFuture<StreamData> future() {
        return future;
    }

    @Override
    public boolean send(StreamEvent event) {
        if (event.terminal()) {
            terminal = event.data();
        }
        return !future.isDone();
    }

    @Override
    public boolean heartbeat() {
        return !future.isDone();
    }

    /** Called after the terminal event, or when the hub drops the stream without one. */
    @Override
    public void complete() {
        StreamData data = terminal;
        writers.execute(() -> {
            if (data != null) {
                future.complete(data);
            } else {
                future.completeExceptionally(new IllegalStateException("The answer's stream ended without a result"));
            }
        });
    }
}
