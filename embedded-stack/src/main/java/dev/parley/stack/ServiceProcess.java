package dev.parley.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A packaged Spring Boot service run as a child process that dies with this JVM. Used by {@code ./parley up}
 * and by end-to-end tests, which also kill services outright to prove nothing is lost.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Modest memory (several services share a 2-core machine with Kafka and the registry), but the JIT's optimising
     * tier on: compiled by C1 alone the request path took about twice the CPU under load.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    /**
     * Below 4 processors the JVM gives C2 a single compiler thread: under load on 2 cores it got a fifth of a core and
     * left api-ingress's request path in profiled C1 code for more than 14 minutes. Two C2 threads (and C1's one)
     * finished in about 6; kept alive, so that their CPU stays countable per thread (docs/decisions.md, "On a small
     * machine the services compile with two C2 threads").
     */
    static final List<String> SMALL_MACHINE_COMPILERS = List.of("-XX:CICompilerCount=3",
            "-XX:-UseDynamicNumberOfCompilerThreads");
    private static final int SMALL_MACHINE_PROCESSORS = 4;
    /**
     * System property that adds {@code -XX:TieredStopAtLevel=1} (C1 only): a quicker start and less compilation
     * for processes that tests start, kill and restart, at the cost of steady-state speed.
     */
    public static final String QUICK_START = "parley.services.quick-start";

    private static final int LOG_TAIL_LINES = 40;
    private static final String LOOPBACK = "127.0.0.1";

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Starts {@code jar} with {@link #DEFAULT_JVM_OPTIONS} and a free management port; its output is appended to
     * {@code logFile}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logFile) {
        return start(name, jar, port, env, logFile, List.of());
    }

    /** As {@link #start(String, Path, int, Map, Path, List)}, on a free management port. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logFile,
            List<String> extraJvmOptions) {
        return start(name, jar, List.of(), port, Ports.free(), env, logFile, extraJvmOptions);
    }

    /** As {@link #start(String, Path, List, int, int, Map, Path, List)}, with nothing added to the class path. */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, Map<String, String> env,
            Path logFile, List<String> extraJvmOptions) {
        return start(name, jar, List.of(), port, managementPort, env, logFile, extraJvmOptions);
    }

    /** As {@link #start(String, Path, List, int, int, Map, Path, List)}, on a free management port. */
    public static ServiceProcess start(String name, Path jar, List<Path> addedJars, int port, Map<String, String> env,
            Path logFile, List<String> extraJvmOptions) {
        return start(name, jar, addedJars, port, Ports.free(), env, logFile, extraJvmOptions);
    }

    /**
     * Starts {@code jar} listening on {@code port} (as {@code -Dserver.port}, which outranks the service's own
     * settings) and serving health and metrics on {@code managementPort} of the loopback address only, with
     * {@code extraJvmOptions} after the defaults. The service inherits this JVM's environment plus {@code env}; a
     * {@code null} value in {@code env} removes that inherited variable (e.g. a key the service must not hold).
     * {@code addedJars} go on the service's class path after its own: how the crash tests add their fault hooks to a
     * packaged service without the hooks being in what ships.
     */
    public static ServiceProcess start(String name, Path jar, List<Path> addedJars, int port, int managementPort,
            Map<String, String> env, Path logFile, List<String> extraJvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: no jar at " + jar
                    + " (build it with ./mvnw -DskipTests package)");
        }
        List<String> command = unsetPrefix(env);
        command.add(ProcessSupervisor.javaExecutable());
        command.addAll(jvmOptions(extraJvmOptions));
        command.addAll(List.of("-Dserver.port=" + port, "-Dmanagement.server.port=" + managementPort,
                "-Dmanagement.server.address=" + LOOPBACK));
        command.addAll(launch(jar, addedJars));
        Map<String, String> set = new HashMap<>(env);
        set.values().removeIf(Objects::isNull);
        markRunStart(name, logFile);
        Process process = ProcessSupervisor.start(command, logFile.toAbsolutePath().getParent(), logFile, set);
        return new ServiceProcess(name, process, port, managementPort, logFile);
    }

    // From the extracted jar, not the fat jar: see ExtractedJar for why.
    private static List<String> launch(Path jar, List<Path> addedJars) {
        ExtractedJar.Launch launch = ExtractedJar.of(jar);
        List<String> classPath = new ArrayList<>();
        classPath.add(launch.applicationJar().toString());
        addedJars.forEach(added -> classPath.add(added.toAbsolutePath().toString()));
        return List.of("-cp", String.join(File.pathSeparator, classPath), launch.mainClass());
    }

    /** Returns once its health answers 200; fails early, with the log tail, if the process exits. */
    public void awaitHealthy(Duration timeout) {
        try {
            HttpReadiness.await(name, healthUrl(), timeout, process::isAlive);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (log: " + logFile + ")\n" + logTail(), e);
        }
    }

    public boolean isHealthy() {
        return HttpReadiness.isUp(healthUrl());
    }

    /** Simulates a crash: SIGKILL to the service, no graceful shutdown. */
    public void kill() {
        ProcessSupervisor.kill(process);
    }

    /** Graceful stop (SIGTERM, so Spring closes its Kafka clients), forced after 20 s. */
    public void stop() {
        ProcessSupervisor.stop(process);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, for whatever reason. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The supervising process; the JVM of the service is among its descendants. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The service's own port: the public API of api-ingress, the internal API of usage-accounting. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics live here, on the loopback address, never on {@link #baseUrl()}. */
    public int managementPort() {
        return managementPort;
    }

    public String managementUrl() {
        return "http://" + LOOPBACK + ":" + managementPort;
    }

    /** {@code GET} answers 200 once the service is ready. */
    public String healthUrl() {
        return managementUrl() + "/actuator/health";
    }

    /** The Prometheus scrape endpoint. */
    public String metricsUrl() {
        return managementUrl() + "/actuator/prometheus";
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        return ProcessSupervisor.tail(logFile, LOG_TAIL_LINES);
    }

    // env(1) execs java in its place, so the process tree, and kill(), stay the same.
    private static List<String> unsetPrefix(Map<String, String> env) {
        List<String> command = new ArrayList<>();
        env.forEach((variable, value) -> {
            if (value == null) {
                command.addAll(command.isEmpty() ? List.of("env", "-u", variable) : List.of("-u", variable));
            }
        });
        return command;
    }

    private static List<String> jvmOptions(List<String> extra) {
        return jvmOptions(extra, Boolean.getBoolean(QUICK_START), Runtime.getRuntime().availableProcessors());
    }

    static List<String> jvmOptions(List<String> extra, boolean quickStart, int processors) {
        List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        if (quickStart) {
            options.add("-XX:TieredStopAtLevel=1");
        } else if (processors < SMALL_MACHINE_PROCESSORS) {
            options.addAll(SMALL_MACHINE_COMPILERS);
        }
        if (Runtime.version().feature() >= 24) {
            // Kafka clients use sun.misc.Unsafe; newer JDKs would print a warning into every service log.
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        options.addAll(extra);
        return options;
    }

    // The log is appended to across runs: a marker makes each run easy to find.
    private static void markRunStart(String name, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "%n===== %s starting at %s =====%n".formatted(name, Instant.now()),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logFile, e);
        }
    }
}
