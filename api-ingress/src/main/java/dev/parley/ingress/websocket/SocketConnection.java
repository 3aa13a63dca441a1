package dev.parley.ingress.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import dev.parley.ingress.stream.OrderedWriter;

/**
 * One client's WebSocket and its subscriptions. A session allows one writer at a time and a write can block
 * on a slow client, so frames are queued and written in order by one task at a time on the executor, never on
 * the Kafka thread that delivers them. A client that falls too far behind is disconnected.
 */
final class SocketConnection {

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);

    private final WebSocketSession session;
    private final OrderedWriter writer;
    private final Set<SocketSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile Instant lastPong;

    SocketConnection(WebSocketSession session, Executor executor, int maxQueued, Instant now) {
        this.session = session;
        this.writer = new OrderedWriter(executor, maxQueued, this::write,
                () -> write(CloseStatus.SESSION_NOT_RELIABLE));
        this.lastPong = now;
    }

    WebSocketSession session() {
        return session;
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
            writer.offer(CloseStatus.SESSION_NOT_RELIABLE);
            return false;
        }
        return writer.offer(new PingMessage());
    }

    /** False once the connection is gone or too far behind. */
    boolean offer(WebSocketMessage<?> frame) {
        return writer.offer(frame);
    }

    /** Closes after the frames already queued. */
    void closeAfterQueued(CloseStatus status) {
        writer.offer(status);
    }

    void closed() {
        writer.close();
    }

    boolean open() {
        return !writer.isClosed();
    }

    private void write(Object item) {
        try {
            if (item instanceof CloseStatus status) {
                writer.close();
                session.close(status);
            } else {
                session.sendMessage((WebSocketMessage<?>) item);
            }
        } catch (IOException e) {
            // the client went away, usually: closing tells one whose socket is somehow still open
            end();
        } catch (IllegalStateException e) {
            log.warn("Could not write to a WebSocket; closing it: {}", e.toString());
            end();
        }
    }

    /**
     * Nothing more is written after a failed write, so the session is closed too: a client whose socket is still
     * open would otherwise wait for frames that never come instead of reconnecting and resuming. The handler's
     * afterConnectionClosed then drops its subscriptions.
     */
    private void end() {
        writer.close();
        try {
            session.close(CloseStatus.SERVER_ERROR);
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
