package dev.parley.ingress.sse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.OrderedWriter;
import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.stream.StreamSubscriber;

/**
 * Writes a stream to one SSE connection. Writes to a socket can block on a slow client, so events are queued
 * and written in order by one task at a time on the executor, never on the Kafka consumer thread that
 * delivers them. A client that falls too far behind is disconnected; it can reconnect with Last-Event-ID.
 */
final class SseSubscriber implements StreamSubscriber {

    private static final Object COMPLETE = new Object();

    private final SseEmitter emitter;
    private final Executor executor;
    private final OrderedWriter writer;
    private final SseFormat format;
    private final boolean parleyEvents;
    private final Runnable onClientGone;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean finished;

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
        this.writer = new OrderedWriter(executor, maxQueued, this::write, emitter::complete);
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

    /** Queues an event that is not one of the request's, such as the opening of a stream. */
    boolean sendRaw(SseEmitter.SseEventBuilder item) {
        return writer.offer(item);
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
        try {
            if (item == COMPLETE) {
                writer.close();
                emitter.complete();
            } else {
                emitter.send((SseEmitter.SseEventBuilder) item);
            }
        } catch (IOException e) {
            clientGone();
        } catch (IllegalStateException e) {
            // the response was already completed (timed out, or the container saw the client go)
            writer.close();
        }
    }
}
