package dev.parley.ingress.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
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
            // sent once the answer is known to be the caller's: a refused stream is answered as a problem
            openOnThisThread(emitter, List.of(SseEmitter.event().comment(OPENING_COMMENT)));
            return attached(requestId, emitter, subscriber);
        });
        return emitter;
    }

    /**
     * An SSE response that first sends {@code opening} (an {@link #OPENING_COMMENT} when it is empty: the response
     * must be committed on the request's thread, see {@link #openOnThisThread}), then each of the request's events
     * as written by format.
     *
     * @param onClientGone runs once if the client disconnects before the answer's terminal event reached this
     *        stream (the container notices when a write or keep-alive fails); not on a timeout or shutdown
     */
    public SseEmitter stream(String requestId, List<SseEmitter.SseEventBuilder> opening, SseFormat format,
            Runnable onClientGone) {
        SseEmitter emitter = emitter();
        SseSubscriber subscriber = new SseSubscriber(emitter, writers::execute, writers.maxQueuedPerClient(), format,
                onClientGone);
        openOnThisThread(emitter, opening.isEmpty() ? List.of(SseEmitter.event().comment(OPENING_COMMENT)) : opening);
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

    /**
     * Hands the opening to the emitter itself, on the request's thread and before the events' writer can touch it.
     * Spring MVC holds it until the handler returns, then writes it on that same thread, which commits the response
     * there. Left to the writer (another thread), the first write could commit the response while the request's
     * thread still runs back out through the filters: Spring Security's HeaderWriterFilter then wrote its headers on
     * the writer's thread after ServletRequestPathFilter had dropped the parsed path its matchers need
     * (IllegalArgumentException), or as the filter wrote them on the request's thread too (two threads changing
     * Jetty's header fields: NullPointerException). Spring MVC reports such a write as an IllegalStateException, and
     * the stream hung.
     */
    private static void openOnThisThread(SseEmitter emitter, List<SseEmitter.SseEventBuilder> opening) {
        try {
            for (SseEmitter.SseEventBuilder item : opening) {
                emitter.send(item);
            }
        } catch (IOException e) {
            // not before the handler returned: the emitter only keeps what it is given until then
            throw new UncheckedIOException(e);
        }
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
