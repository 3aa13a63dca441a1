package dev.parley.ingress.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client's WebSocket and its subscriptions. A session allows one writer at a time and a write can block
 * on a slow client, so frames are queued and written in order by one task at a time on the executor, never on
 * the Kafka thread that delivers them. A client that falls too far behind is disconnected.
 */
final class SocketConnection {

    private final WebSocketSession session;
    private final Executor executor;
    private final int maxQueued;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<SocketSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile Instant lastPong;
    private volatile boolean closed;

    SocketConnection(WebSocketSession session, Executor executor, int maxQueued, Instant now) {
        this.session = session;
        this.executor = executor;
        this.maxQueued = maxQueued;
        this.lastPong = now;
    }

    String userId() {
        return session.getPrincipal().getName();
    }

    void add(SocketSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(SocketSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** The subscriptions still open, to be dropped from the hub when the connection ends. */
    List<SocketSubscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    void pong(Instant now) {
        lastPong = now;
    }

    /** Pings a live client; false (and closes) when it stopped answering pings. */
    boolean ping(Instant now, Instant deadline) {
        if (lastPong.isBefore(deadline)) {
            offer(CloseStatus.SESSION_NOT_RELIABLE);
            return false;
        }
        return offer(new PingMessage());
    }

    /** False once the connection is gone or too far behind. */
    boolean offer(WebSocketMessage<?> frame) {
        return offer((Object) frame);
    }

    /** Closes after the frames already queued. */
    void closeAfterQueued(CloseStatus status) {
        offer(status);
    }

    void closed() {
        closed = true;
    }

    boolean open() {
        return !closed;
    }

    private boolean offer(Object item) {
        if (closed) {
            return false;
        }
        if (queued.incrementAndGet() > maxQueued) {
            closed = true;
            executor.execute(() -> write(CloseStatus.SESSION_NOT_RELIABLE));
            return false;
        }
        queue.add(item);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        try {
            Object item;
            while ((item = queue.poll()) != null) {
                queued.decrementAndGet();
                if (!closed) {
                    write(item);
                }
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }
    }

    private void write(Object item) {
        try {
            if (item instanceof CloseStatus status) {
                closed = true;
                session.close(status);
            } else {
                session.sendMessage((WebSocketMessage<?>) item);
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; the handler's afterConnectionClosed drops its subscriptions
            closed = true;
        }
    }
}
