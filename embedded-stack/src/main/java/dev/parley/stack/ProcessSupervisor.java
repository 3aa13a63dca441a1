package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes that die with this JVM. A shutdown hook stops them on a normal exit or Ctrl-C;
 * a small shell watchdog stops them too when this JVM is killed outright, so no orphan keeps a port.
 */
public final class ProcessSupervisor {

    private static final String WATCHDOG = """
            parent=$1; shift
            "$@" & child=$!
            trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill $child 2>/dev/null; wait $child
            """;

    private ProcessSupervisor() {
    }

    /** Starts {@code command} with its output appended to {@code logFile}. */
    public static Process start(List<String> command, Path workingDir, Path logFile, java.util.Map<String, String> env) {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "watchdog",
                Long.toString(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            var builder = new ProcessBuilder(wrapped).directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The JVM a watchdog started by {@link #start} runs: its child whose executable is {@code java} (the watchdog's
     * other child, now and then, is the {@code sleep} of its loop); the watchdog itself when there is none.
     */
    public static ProcessHandle jvmOf(ProcessHandle watchdog) {
        return watchdog.children()
                .filter(child -> child.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst().orElse(watchdog);
    }

    /** The java launcher of the JDK running this JVM (21 or newer, as the build enforces). */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines of a log, for error messages. */
    public static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
