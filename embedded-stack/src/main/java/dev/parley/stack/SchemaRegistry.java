package dev.parley.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3, the Quarkus app unpacked from Maven Central by the build, run as a child process
 * (it needs Java 21+). In-memory storage: the services auto-register their schemas on first use.
 */
public final class SchemaRegistry implements AutoCloseable {

    /** Where the build unpacks the registry; passed by Maven and by ./parley. */
    public static final String HOME_PROPERTY = "parley.registry.dir";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;

    private SchemaRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SchemaRegistry start(Path home, int port, Path logFile) {
        Path runner = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("Apicurio Registry not found at " + home
                    + ": build first (./mvnw -DskipTests package unpacks it)");
        }
        List<String> command = List.of(ProcessSupervisor.javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=0", "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.quarkus.bootstrap.runner.Timing\".level=INFO",
                "-jar", runner.toString());
        Process process = ProcessSupervisor.start(command, home, logFile, Map.of());
        var registry = new SchemaRegistry(process, port);
        try {
            HttpReadiness.await("Apicurio Registry", registry.baseUrl() + "/apis/registry/v3/system/info",
                    READY_TIMEOUT, process::isAlive);
        } catch (RuntimeException e) {
            registry.close();
            throw new IllegalStateException(e.getMessage() + "\n" + ProcessSupervisor.tail(logFile, 30), e);
        }
        return registry;
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

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL the Apicurio serde is configured with. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    @Override
    public void close() {
        ProcessSupervisor.stop(process);
    }
}
