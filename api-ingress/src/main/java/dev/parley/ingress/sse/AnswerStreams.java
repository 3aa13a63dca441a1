package dev.parley.ingress.sse;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.ingress.stream.StreamProperties;
import dev.parley.ingress.stream.StreamWriters;

/**
 * Follows answers on this instance as SSE: a stored answer's own stream (replay, then live events, as the stream
 * feature feeds them), and for other features a request's answer in a format of their own, or its terminal event.
 * Each replays what the hub already holds, so subscribing after the request was published loses nothing.
 */
@Component
public class AnswerStreams {

    private final StreamHub hub;
    private final AnswerFeed feed;
    private final StreamWriters writers;
    private final StreamProperties properties;

    AnswerStreams(StreamHub hub, AnswerFeed feed, StreamWriters writers, StreamProperties properties) {
        this.hub = hub;
        this.feed = feed;
        this.writers = writers;
        this.properties = properties;
    }

    /**
     * Spring MVC sends an SSE response's status and headers with its first write; an answer still waiting for its
     * first token would leave the client without them until the first event or heartbeat (15 s). So the stream
     * opens with this comment, which clients ignore; it goes out with the first events when there are some already.
     */
    static final String OPENING_COMMENT = "open";

    /** @param lastEventId the last sequence the client has, or -1 */
    SseEmitter open(String userId, String conversationId, String messageId, long lastEventId) {
        SseEmitter emitter = emitter();
        SseSubscriber subscriber = new SseSubscriber(emitter, writers::execute, writers.maxQueuedPerClient());
        feed.follow(userId, conversationId, messageId, lastEventId, requestId -> {
            // queued once the answer is known to be the caller's: a refused stream is answered as a problem
            subscriber.sendRaw(SseEmitter.event().comment(OPENING_COMMENT));
            return attached(requestId, emitter, subscriber);
        });
        return emitter;
    }

    /**
     * An SSE response that first sends {@code opening}, then each of the request's events as written by format.
     *
     * @param onClientGone runs once if the client disconnects before the answer's terminal event reached this
     *        stream (the container notices when a write or keep-alive fails); not on a timeout or shutdown
     */
    public SseEmitter stream(String requestId, List<SseEmitter.SseEventBuilder> opening, SseFormat format,
            Runnable onClientGone) {
        SseEmitter emitter = emitter();
        SseSubscriber subscriber = new SseSubscriber(emitter, writers::execute, writers.maxQueuedPerClient(), format,
                onClientGone);
        opening.forEach(subscriber::sendRaw);
        hub.subscribe(requestId, attached(requestId, emitter, subscriber), -1);
        return emitter;
    }

    /**
     * The request's terminal event ({@link StreamData.Done} or {@link StreamData.Failure}), completed on another
     * thread than Kafka's. The future fails if the request's stream is dropped without one; cancelling it or
     * letting it time out stops the waiting.
     */
    public CompletableFuture<StreamData> terminal(String requestId) {
        var waiter = new TerminalWaiter(writers::execute);
        waiter.future().whenComplete((data, failure) -> hub.unsubscribe(requestId, waiter));
        hub.subscribe(requestId, waiter, -1);
        return waiter.future();
    }

    private SseEmitter emitter() {
        return new SseEmitter(properties.sseTimeout().toMillis());
    }

    /** Releases the subscriber (and its place in the hub) however the emitter ends. */
    private SseSubscriber attached(String requestId, SseEmitter emitter, SseSubscriber subscriber) {
        emitter.onCompletion(() -> release(requestId, subscriber));
        emitter.onError(error -> {
            release(requestId, subscriber);
            subscriber.clientGone();
        });
        emitter.onTimeout(() -> {
            release(requestId, subscriber);
            emitter.complete();
        });
        return subscriber;
    }

    private void release(String requestId, SseSubscriber subscriber) {
        subscriber.close();
        hub.unsubscribe(requestId, subscriber);
    }
}
