package dev.parley.ingress.sse;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.OrderedWriter;
import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.stream.StreamSubscriber;

/**
 * Writes a stream to one SSE connection. Writes to a socket can block on a slow client, so events are queued
 * and written in order by one task at a time on the executor, never on the Kafka consumer thread that
 * delivers them. A client that falls too far behind is disconnected; it can reconnect with Last-Event-ID. The events
 * one writer task finds queued (a burst of deltas from one Kafka poll) go out with one flush, at most
 * {@link #MAX_BATCH_PARTS} parts at a time, instead of a flush, and a socket write, per event.
 */
final class SseSubscriber implements StreamSubscriber {

    private static final Logger log = LoggerFactory.getLogger(SseSubscriber.class);

    private static final Object COMPLETE = new Object();

    /** An event is three parts (its fields, its data, its end): a flush at least every 32 events. */
    static final int MAX_BATCH_PARTS = 96;

    private final SseEmitter emitter;
    private final Executor executor;
    private final OrderedWriter writer;
    private final SseFormat format;
    private final boolean parleyEvents;
    private final Runnable onClientGone;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean finished;
    // touched only by the writer's one task at a time; a new set per flush, since the emitter may keep the one it got
    private Set<ResponseBodyEmitter.DataWithMediaType> batch = new LinkedHashSet<>();

    /** A subscriber that writes Parley's own events ({@code delta}, {@code done}, {@code error} with ids). */
    SseSubscriber(SseEmitter emitter, Executor executor, int maxQueued) {
        this(emitter, executor, maxQueued, SseSubscriber::parleyEvent, true, () -> { });
    }

    /** @param onClientGone runs once, on the executor, if the client goes away before the answer finished */
    SseSubscriber(SseEmitter emitter, Executor executor, int maxQueued, SseFormat format, Runnable onClientGone) {
        this(emitter, executor, maxQueued, format, false, onClientGone);
    }

    private SseSubscriber(SseEmitter emitter, Executor executor, int maxQueued, SseFormat format,
            boolean parleyEvents, Runnable onClientGone) {
        this.parleyEvents = parleyEvents;
        this.emitter = emitter;
        this.executor = executor;
        this.writer = new OrderedWriter(executor, maxQueued, this::write, emitter::complete, this::flush);
        this.format = format;
        this.onClientGone = onClientGone;
    }

    @Override
    public boolean send(StreamEvent event) {
        if (event.terminal()) {
            finished = true;
        }
        for (SseEmitter.SseEventBuilder item : format.events(event)) {
            if (!writer.offer(item)) {
                return false;
            }
        }
        return true;
    }

    /** Other formats (OpenAI chunks) have no way to take text back, so only Parley's own stream says it. */
    @Override
    public boolean reset(long sequence, String attemptId) {
        return !parleyEvents || writer.offer(SseEmitter.event()
                .id(Long.toString(sequence))
                .name("reset")
                .data(Map.of("attemptId", attemptId), MediaType.APPLICATION_JSON));
    }

    private static List<SseEmitter.SseEventBuilder> parleyEvent(StreamEvent event) {
        return List.of(SseEmitter.event()
                .id(Long.toString(event.sequence()))
                .name(event.name())
                .data(event.data(), MediaType.APPLICATION_JSON));
    }

    @Override
    public boolean heartbeat() {
        return writer.offer(SseEmitter.event().comment("heartbeat"));
    }

    @Override
    public void complete() {
        writer.offer(COMPLETE);
    }

    /** The connection ended (completed, timed out or failed): drop whatever is still queued. */
    void close() {
        writer.close();
    }

    /**
     * The client went away: a write failed, or the container reported an error on the connection. Not a timeout,
     * a slow client given up or this instance shutting down: those are this side's doing.
     */
    void clientGone() {
        writer.close();
        if (!finished && gone.compareAndSet(false, true)) {
            executor.execute(onClientGone);
        }
    }

    private void write(Object item) {
        if (item != COMPLETE) {
            batch.addAll(((SseEmitter.SseEventBuilder) item).build());
            if (batch.size() >= MAX_BATCH_PARTS) {
                flush();
            }
            return;
        }
        flush();
        if (writer.isClosed()) {
            return; // the last write failed, and ended the response
        }
        end();
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Set<ResponseBodyEmitter.DataWithMediaType> parts = batch;
        batch = new LinkedHashSet<>();
        try {
            emitter.send(parts);
        } catch (IOException e) {
            clientGone();
            end();
        } catch (RuntimeException e) {
            // the response was already completed (timed out, or the container saw the client go), or the write
            // failed otherwise (Spring MVC wraps that in an IllegalStateException): either way nothing more goes out
            log.warn("Could not write to an SSE stream; ending it", e);
            end();
        }
    }

    /**
     * Ends the response: the request must never outlive its stream, whose events this writer no longer sends. The
     * container would not end it on its own before the SSE timeout (minutes) when nothing more is written to it:
     * the answer's end has been handed over, so the hub holds no heartbeat for it either.
     */
    private void end() {
        writer.close();
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // the response was already completed (timed out, or the container saw the client go)
        }
    }
}
