package dev.parley.ingress.websocket;

import dev.parley.ingress.stream.StreamEvent;
import dev.parley.ingress.stream.StreamSubscriber;

/** One subscription of a WebSocket connection: a request's events as frames on that connection. */
final class SocketSubscriber implements StreamSubscriber {

    private final SocketConnection connection;
    private final SocketFrames frames;
    private final String requestId;

    SocketSubscriber(SocketConnection connection, SocketFrames frames, String requestId) {
        this.connection = connection;
        this.frames = frames;
        this.requestId = requestId;
    }

    String requestId() {
        return requestId;
    }

    @Override
    public boolean send(StreamEvent event) {
        return connection.offer(frames.event(event));
    }

    @Override
    public boolean reset(long sequence, String attemptId) {
        return connection.offer(frames.reset(sequence, attemptId));
    }

    /** The connection pings itself, once for all its subscriptions. */
    @Override
    public boolean heartbeat() {
        return connection.open();
    }

    /** The answer ended; the connection stays open for the client's other subscriptions. */
    @Override
    public void complete() {
        connection.remove(this);
    }
}
