package dev.parley.ingress.websocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.ingress.stream.StreamWriters;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import tools.jackson.core.JacksonException;

/**
 * /api/ws/stream: answers' stream events as JSON text frames, several answers per connection. The handshake was
 * authenticated by the HTTP security chain, so the session's principal is the user. Each subscription goes
 * through the same ownership check, replay and hub as the SSE endpoint.
 */
final class StreamSocketHandler extends TextWebSocketHandler {

    private final AnswerFeed feed;
    private final StreamHub hub;
    private final StreamWriters writers;
    private final SocketFrames frames;
    private final Clock clock;
    private final SocketIdentity identity;
    private final Map<String, SocketConnection> connections = new ConcurrentHashMap<>();

    StreamSocketHandler(AnswerFeed feed, StreamHub hub, StreamWriters writers, SocketFrames frames,
            SocketIdentity identity, Clock clock) {
        this.feed = feed;
        this.hub = hub;
        this.writers = writers;
        this.frames = frames;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        SocketConnection connection = new SocketConnection(session, writers::execute, writers.maxQueuedPerClient(),
                clock.instant());
        if (!identity.opened(session)) {
            connection.offer(frames.error("too_many_streams", "Too many open streams for this user"));
            connection.closeAfterQueued(CloseStatus.POLICY_VIOLATION);
            return;
        }
        connections.put(session.getId(), connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SocketConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        SubscribeFrame frame;
        try {
            frame = frames.subscribe(message.getPayload());
        } catch (JacksonException e) {
            frame = null;
        }
        if (frame == null || !frame.valid()) {
            connection.offer(frames.error("bad_request",
                    "Expected {\"type\":\"subscribe\",\"conversationId\",\"messageId\",\"lastEventId\"?}"));
            return;
        }
        if (connection.subscribers().size() >= identity.maxSubscriptions()) {
            connection.offer(frames.error("too_many_subscriptions", "At most " + identity.maxSubscriptions()
                    + " answers per connection"));
            return;
        }
        subscribe(connection, frame);
    }

    private void subscribe(SocketConnection connection, SubscribeFrame frame) {
        try {
            feed.follow(connection.userId(), frame.conversationId(), frame.messageId(), frame.resumeAfter(),
                    requestId -> {
                        var subscriber = new SocketSubscriber(connection, frames, requestId);
                        connection.add(subscriber);
                        return subscriber;
                    });
        } catch (ApiProblem problem) {
            if (problem.kind() != ProblemKind.NOT_FOUND) {
                throw problem;
            }
            connection.offer(frames.error("not_found", "Message " + frame.messageId() + " not found"));
            connection.closeAfterQueued(CloseStatus.POLICY_VIOLATION);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        SocketConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.pong(clock.instant());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SocketConnection connection = connections.remove(session.getId());
        if (connection == null) {
            return;
        }
        identity.closed(session);
        connection.closed();
        connection.subscribers().forEach(subscriber -> hub.unsubscribe(subscriber.requestId(), subscriber));
    }

    /**
     * Pings every connection; one that missed the pings of three intervals is closed as dead, and one whose token
     * expired or whose account was disabled meanwhile is told so and closed (within one interval).
     */
    void heartbeat(Duration interval) {
        Instant now = clock.instant();
        Instant deadline = now.minus(interval.multipliedBy(3));
        connections.values().forEach(connection -> {
            String ended = identity.ended(connection.session(), now);
            if (ended != null) {
                connection.offer(frames.error(ended, ended.equals(SocketIdentity.EXPIRED)
                        ? "The token of this connection expired: connect again with a fresh one"
                        : "The account of this connection is disabled or deleted"));
                connection.closeAfterQueued(CloseStatus.POLICY_VIOLATION);
                return;
            }
            connection.ping(now, deadline);
        });
    }

    int size() {
        return connections.size();
    }
}
