package dev.parley.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.stack.HttpReadiness;
import dev.parley.stack.ProcessSupervisor;

/**
 * The embedded stack exactly as {@code ./parley up --no-build} starts it, as a child process of the bench (so a
 * Ctrl-C or a crash of the bench stops it too, see {@link ProcessSupervisor}). Ready once the launcher wrote
 * {@code stack.properties}, which it does when every service is healthy.
 */
public final class StackProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final Path log;
    private final RunningStack stack;

    private StackProcess(Process process, Path log, RunningStack stack) {
        this.process = process;
        this.log = log;
        this.stack = stack;
    }

    /**
     * @param repo the repository root (where {@code ./parley} is)
     * @param env  everything the stack is started with on top of this JVM's environment, PARLEY_HOME included
     */
    public static StackProcess start(Path repo, Path home, Map<String, String> env) {
        Path description = home.resolve("stack.properties");
        Path log = home.resolve("logs/bench-stack.log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = ProcessSupervisor.start(List.of(repo.resolve("parley").toString(), "up", "--no-build"),
                repo, log, env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(description)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                ProcessSupervisor.stop(process);
                throw new IllegalStateException("./parley up did not start within " + START_TIMEOUT.toMinutes()
                        + " min; last lines of " + log + ":\n" + ProcessSupervisor.tail(log, 30));
            }
            sleep(500);
        }
        return new StackProcess(process, log, RunningStack.read(description));
    }

    public RunningStack stack() {
        return stack;
    }

    public Path log() {
        return log;
    }

    /** Whether every service instance answers its health check now. */
    public boolean healthy() {
        return process.isAlive() && stack.instances().stream().allMatch(i -> HttpReadiness.isUp(i.managementUrl() + "/actuator/health"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the stack started", e);
        }
    }

    /** SIGTERM to the launcher, which stops the services, the registry, Kafka and MongoDB in order. */
    @Override
    public void close() {
        ProcessSupervisor.stop(process);
    }
}
