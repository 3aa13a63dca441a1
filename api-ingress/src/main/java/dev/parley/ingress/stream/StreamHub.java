package dev.parley.ingress.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory fan-out of each request's stream events to the SSE clients of this instance, with a bounded buffer
 * per request so that a client that connects late, or reconnects, still gets every event. Each operation on a
 * request runs atomically in {@link ConcurrentHashMap#compute}, so a subscription replays the buffer and then
 * receives live events with nothing lost or doubled, and eviction cannot race with a publish.
 */
public final class StreamHub {

    private final ConcurrentMap<String, RequestStream> streams = new ConcurrentHashMap<>();
    private final Limits limits;
    private final Clock clock;

    StreamHub(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    void publish(String requestId, StreamEvent event) {
        publish(requestId, "", event);
    }

    void publish(String requestId, String attemptId, StreamEvent event) {
        publish(requestId, attemptId, event, clock.instant());
    }

    /**
     * @param attemptId the worker's processing run; a new one after another discards the old run's events and
     *        sends subscribers a reset (empty: a producer that predates attempts)
     * @param at when the event happened (its record's timestamp, never later than now): events read while
     *        catching up age from then, so a request that finished longer than the retention ago is dropped
     *        at once instead of being held
     */
    void publish(String requestId, String attemptId, StreamEvent event, Instant at) {
        Instant now = clock.instant();
        Instant stamp = at.isBefore(now) ? at : now;
        String attempt = attemptId == null ? "" : attemptId;
        streams.compute(requestId, (id, stream) -> {
            RequestStream target = stream == null ? new RequestStream(stamp) : stream;
            target.append(attempt, event, limits, stamp);
            if (target.expired(now, limits)) {
                target.close();
                return null;
            }
            return target;
        });
    }

    /** Replays the buffered events after {@code lastEventId} (-1 for all), then delivers live ones. */
    public void subscribe(String requestId, StreamSubscriber subscriber, long lastEventId) {
        Instant now = clock.instant();
        streams.compute(requestId, (id, stream) -> {
            RequestStream target = stream == null ? new RequestStream(now) : stream;
            target.subscribe(subscriber, lastEventId, now);
            return target;
        });
    }

    public void unsubscribe(String requestId, StreamSubscriber subscriber) {
        streams.computeIfPresent(requestId, (id, stream) -> {
            stream.unsubscribe(subscriber);
            return stream;
        });
    }

    /** Whether this instance holds the request's terminal event, so that its buffer can replay it. */
    public boolean hasTerminal(String requestId) {
        RequestStream stream = streams.get(requestId);
        return stream != null && stream.finished();
    }

    void heartbeat() {
        for (String requestId : streams.keySet()) {
            streams.computeIfPresent(requestId, (id, stream) -> {
                stream.heartbeat();
                return stream;
            });
        }
    }

    /** Drops finished requests after their retention and silent ones after the idle retention. */
    int evictExpired() {
        Instant now = clock.instant();
        var evicted = new AtomicInteger();
        for (String requestId : streams.keySet()) {
            streams.computeIfPresent(requestId, (id, stream) -> {
                if (!stream.expired(now, limits)) {
                    return stream;
                }
                stream.close();
                evicted.incrementAndGet();
                return null;
            });
        }
        return evicted.get();
    }

    /** Ends every open stream, so that its clients reconnect (with Last-Event-ID) to another instance. */
    void closeAll() {
        for (String requestId : streams.keySet()) {
            streams.computeIfPresent(requestId, (id, stream) -> {
                stream.close();
                return null;
            });
        }
    }

    /** Requests currently held. */
    int size() {
        return streams.size();
    }

    /**
     * @param maxEvents events buffered per request
     * @param maxChars text buffered per request; the terminal event is always kept
     */
    record Limits(int maxEvents, long maxChars, Duration retention, Duration idleRetention) {
    }
}
