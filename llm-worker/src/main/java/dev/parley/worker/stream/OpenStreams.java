package dev.parley.worker.stream;

import java.util.concurrent.atomic.AtomicInteger;

/** The answers this worker is streaming now: opened and not yet finished or abandoned. */
final class OpenStreams {

    private final AtomicInteger open = new AtomicInteger();

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    int count() {
        return open.get();
    }
}
