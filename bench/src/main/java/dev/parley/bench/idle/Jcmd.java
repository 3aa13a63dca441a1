package dev.parley.bench.idle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code jcmd} (next to this JVM's {@code java}) against another JVM of the same user. */
public final class Jcmd {

    private Jcmd() {
    }

    /** The live objects of {@code pid} by class; the command runs a full GC first. */
    public static ClassHistogram classHistogram(long pid) {
        return ClassHistogram.parse(run(pid, "GC.class_histogram"));
    }

    static String run(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(executable().toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + line, e);
        }
    }

    private static Path executable() {
        Path java = Path.of(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("this JVM's executable is unknown")));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd next to " + java + " (the bench needs a JDK, not a JRE)");
        }
        return jcmd;
    }
}
