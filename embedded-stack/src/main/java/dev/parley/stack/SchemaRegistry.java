package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3, the Quarkus app unpacked from Maven Central by the build, run as a child process (it needs
 * Java 21+). Its storage is SQL on an H2 file under {@code dataDir}: the content ids written into every Kafka record
 * stay valid across restarts, so records produced before a restart can still be read after it.
 */
public final class SchemaRegistry implements AutoCloseable {

    /** Where the build unpacks the registry; passed by Maven and by ./parley. */
    public static final String HOME_PROPERTY = "parley.registry.dir";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final int port;
    private final Path logFile;
    private final Path dataDir;
    private volatile Process process;

    private SchemaRegistry(Path home, int port, Path logFile, Path dataDir) {
        this.home = home;
        this.port = port;
        this.logFile = logFile;
        this.dataDir = dataDir;
    }

    /**
     * Starts the registry and waits until it answers.
     *
     * @param dataDir where its H2 database lives; the same directory gives the same schemas and content ids
     */
    public static SchemaRegistry start(Path home, int port, Path logFile, Path dataDir) {
        Path runner = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("Apicurio Registry not found at " + home
                    + ": build first (./mvnw -DskipTests package unpacks it)");
        }
        var registry = new SchemaRegistry(home, port, logFile, dataDir);
        registry.start();
        return registry;
    }

    /** Starts it again after {@link #stop()}, on the same port and with the same storage. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ProcessSupervisor.start(command(), home, logFile, Map.of());
        try {
            HttpReadiness.await("Apicurio Registry", apiUrl() + "/system/info", READY_TIMEOUT, process::isAlive);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException(e.getMessage() + "\n" + ProcessSupervisor.tail(logFile, 30), e);
        }
    }

    /** Stops the process (gracefully, forced after 20 s); the storage stays. */
    public synchronized void stop() {
        if (process != null) {
            ProcessSupervisor.stop(process);
        }
    }

    private List<String> command() {
        return List.of(ProcessSupervisor.javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=0", "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.quarkus.bootstrap.runner.Timing\".level=INFO",
                // the default is H2 in memory: a restart would forget every content id the Kafka log refers to
                "-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry"),
                // a pool of 20 idle connections to an embedded file is memory for nothing
                "-Dapicurio.datasource.jdbc.initial-size=2", "-Dapicurio.datasource.jdbc.min-size=2",
                "-jar", home.resolve("quarkus-run.jar").toString());
    }

    public static Path defaultHome() {
        String dir = System.getProperty(HOME_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + HOME_PROPERTY
                    + " is not set: run through ./mvnw or ./parley, which set it");
        }
        return Path.of(dir);
    }

    /** The supervising process; the registry's JVM is its child. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL the Apicurio serde is configured with. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    @Override
    public void close() {
        stop();
    }
}
