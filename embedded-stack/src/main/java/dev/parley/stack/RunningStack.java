package dev.parley.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code ./parley up} has started so far, stopped in dependency order: the services first (so they can
 * commit offsets and leave their consumer groups while Kafka is still there), then the registry, Kafka, MongoDB.
 */
final class RunningStack {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);

    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile SchemaRegistry registry;
    private volatile KafkaBroker kafka;
    private volatile EmbeddedMongo mongo;
    private volatile Path description;

    // Each setter stops the component at once when a stop already ran: start-up can race with Ctrl-C.
    ServiceProcess add(ServiceProcess service) {
        services.add(service);
        if (stopping.get()) {
            service.stop();
        }
        return service;
    }

    SchemaRegistry registry(SchemaRegistry started) {
        registry = started;
        closeIfStopping("Apicurio Registry", started);
        return started;
    }

    KafkaBroker kafka(KafkaBroker started) {
        kafka = started;
        closeIfStopping("Kafka", started);
        return started;
    }

    EmbeddedMongo mongo(EmbeddedMongo started) {
        mongo = started;
        closeIfStopping("MongoDB", started);
        return started;
    }

    /** The file that tells tools (./parley bench) what runs where; removed first when the stack stops. */
    void describedBy(Path file) {
        description = file;
    }

    /** The registry's supervising process, for the stack description; null before it started. */
    ProcessHandle registryProcess() {
        return registry == null ? null : registry.processHandle();
    }

    boolean isStopping() {
        return stopping.get();
    }

    /** Idempotent: called by the shutdown hook and by a failed start. */
    void stop() {
        if (!stopping.compareAndSet(false, true) || nothingStarted()) {
            return;
        }
        log.info("Stopping Parley...");
        removeDescription();
        stopServices();
        close("Apicurio Registry", registry);
        close("Kafka", kafka);
        close("MongoDB", mongo);
        log.info("Parley stopped.");
    }

    private void removeDescription() {
        try {
            if (description != null) {
                Files.deleteIfExists(description);
            }
        } catch (IOException e) {
            log.warn("  could not remove {}: {}", description, e.toString());
        }
    }

    private boolean nothingStarted() {
        return services.isEmpty() && registry == null && kafka == null && mongo == null;
    }

    private void stopServices() {
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(service::stop, runnable -> Thread.ofPlatform()
                        .name("stop-" + service.name()).start(runnable)))
                .toArray(CompletableFuture[]::new)).join();
        if (!services.isEmpty()) {
            log.info("  services stopped");
        }
    }

    private void closeIfStopping(String name, AutoCloseable component) {
        if (stopping.get()) {
            close(name, component);
        }
    }

    private static void close(String name, AutoCloseable component) {
        if (component == null) {
            return;
        }
        try {
            component.close();
            log.info("  {} stopped", name);
        } catch (Exception e) {
            log.warn("  {} did not stop cleanly: {}", name, e.toString());
        }
    }
}
