package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * SIGTERM to the watchdog (which passes it on to its child), SIGKILL to all of them after 20 s. Returns once
     * the child itself has exited too, not only the watchdog: a forced kill does not wait, and a successor started
     * on the same ports must not find the old JVM still holding them or still answering its health check.
     */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = tree(process);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitExit(tree);
    }

    /** SIGKILL to the watchdog and its descendants; returns once they have exited (10 s at most). */
    public static void kill(Process process) {
        List<ProcessHandle> tree = tree(process);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree);
    }

    private static List<ProcessHandle> tree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a process that outlives SIGKILL for 10 s is beyond what a caller could do about it
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
