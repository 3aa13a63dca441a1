package dev.parley.ingress.sse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.StreamWriters;

/** Creates the SSE subscribers, which write on the stream feature's writer threads. */
@Component
class SseWriters {

    private final StreamWriters writers;

    SseWriters(StreamWriters writers) {
        this.writers = writers;
    }

    SseSubscriber subscriber(SseEmitter emitter) {
        return new SseSubscriber(emitter, writers::execute, writers.maxQueuedPerClient());
    }

    SseSubscriber subscriber(SseEmitter emitter, SseFormat format, Runnable onClientGone) {
        return new SseSubscriber(emitter, writers::execute, writers.maxQueuedPerClient(), format, onClientGone);
    }
}
