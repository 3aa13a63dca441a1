package dev.parley.ingress.stream;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the open SSE streams first when the service stops. Otherwise the web server's graceful shutdown would
 * wait for these long-lived responses; ended, their clients reconnect to another instance and resume.
 */
@Component
class StreamShutdown implements SmartLifecycle {

    private final StreamHub hub;
    private volatile boolean running;

    StreamShutdown(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown and the Kafka listeners. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
