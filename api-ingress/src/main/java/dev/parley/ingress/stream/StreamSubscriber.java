package dev.parley.ingress.stream;

/**
 * A client of a request's stream. The hub calls these while holding the request's lock, so implementations
 * only queue and never block or call back into the hub.
 */
public interface StreamSubscriber {

    /** Queues an event; false once the subscriber is gone, which removes it. */
    boolean send(StreamEvent event);

    /**
     * Queues the notice that a worker took the request over and starts the answer again: the client clears the
     * text it has. {@code sequence} is the notice's own id. False once the subscriber is gone.
     */
    default boolean reset(long sequence, String attemptId) {
        return true;
    }

    /** Queues a keep-alive; false once the subscriber is gone. */
    boolean heartbeat();

    /** Ends the stream after the queued events. */
    void complete();
}
