package dev.parley.stack;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./parley up}: the whole system on one machine without Docker. Kafka, Apicurio Registry and MongoDB
 * (unless {@code MONGODB_URI} is set), then api-ingress, llm-worker and usage-accounting as child processes.
 * Ctrl-C stops everything; data under {@code PARLEY_HOME} survives a restart.
 */
public final class ParleyStack {

    /** Console shows only the launcher's own messages; Kafka and the rest go to stack.log. */
    private static final String LOGBACK_CONFIG = "logback-stack.xml";

    private ParleyStack() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: logback reads this once, when it initialises.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        Logger log = LoggerFactory.getLogger(ParleyStack.class);
        RunningStack running = new RunningStack();
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "parley-stop"));
        try {
            new StackLauncher(StackSettings.from(System.getenv(), System::getProperty), running).start();
        } catch (RuntimeException e) {
            if (!running.isStopping()) {
                log.debug("start-up failed", e);
                log.error("\nParley did not start: {}\n", e instanceof StackException ? e.getMessage() : e.toString());
                running.stop();
                System.exit(1);
            }
        }
        awaitShutdown();
    }

    // The JVM stays up until Ctrl-C (or SIGTERM) runs the shutdown hook, which then halts it.
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
