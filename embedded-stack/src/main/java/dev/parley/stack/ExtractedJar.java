package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * How a packaged service is run: a Spring Boot executable jar is first extracted (Spring Boot's own
 * {@code -Djarmode=tools extract}: the application's classes as a thin jar plus {@code lib/}) and run from there on a
 * plain class path.
 * <p>
 * Why: run as a fat jar, every class is loaded through Spring Boot's nested-jar reader, whose monitors a virtual
 * thread can hold while unmounted (spring-boot#51379, #51463). A worker restarted onto a backlog starts hundreds of
 * generation virtual threads that load their first classes at once; with two carriers this wedged the whole JVM (its
 * Kafka consumers BLOCKED in {@code FileDataBlock$FileAccess.ensureOpen}, see docs/decisions.md). The JDK's own class
 * path has no such lock, starts faster, and is what Spring Boot recommends for production (the image does the same).
 * <p>
 * The extraction is cached beside the jar ({@code <jar>-extracted/}), keyed by the jar's path, size and modification
 * time, and redone when the jar is rebuilt; it takes about a second per service.
 */
final class ExtractedJar {

    static final String START_CLASS = "Start-Class";
    private static final String STAMP = ".parley-extracted-from";
    private static final Object LOCK = new Object();

    private ExtractedJar() {
    }

    /** The main class and class path to run {@code jar} with, extracting it first if it is a Spring Boot jar. */
    static Launch of(Path jar) {
        Attributes manifest = manifest(jar);
        String startClass = manifest.getValue(START_CLASS);
        if (startClass == null) {
            return new Launch(jar.toAbsolutePath(), manifest.getValue(Attributes.Name.MAIN_CLASS));
        }
        return new Launch(extract(jar), startClass);
    }

    /** The application jar (its manifest's {@code Class-Path} names the libraries) and the class to run. */
    record Launch(Path applicationJar, String mainClass) {
    }

    static Path extract(Path jar) {
        Path absolute = jar.toAbsolutePath();
        Path destination = destinationOf(absolute);
        String stamp = stampOf(absolute);
        // The monitor orders this JVM's threads (a file lock is per JVM), the file lock orders the JVMs.
        synchronized (LOCK) {
            try (FileChannel channel = FileChannel.open(destination.resolveSibling(destination.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Optional<Path> current = applicationJar(destination, stamp);
                if (current.isPresent()) {
                    return current.get();
                }
                Path fresh = destination.resolveSibling(destination.getFileName() + ".tmp");
                delete(fresh);
                runExtraction(absolute, fresh);
                Files.writeString(fresh.resolve(STAMP), stamp);
                delete(destination);
                Files.move(fresh, destination, StandardCopyOption.ATOMIC_MOVE);
                return applicationJar(destination, stamp).orElseThrow(() -> new IllegalStateException(
                        "extracting " + jar + " left no application jar in " + destination));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract " + jar + " to " + destination, e);
            }
        }
    }

    static Path destinationOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-extracted");
    }

    private static Optional<Path> applicationJar(Path destination, String stamp) {
        Path stampFile = destination.resolve(STAMP);
        try {
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(destination)) {
                return files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void runExtraction(Path jar, Path destination) {
        List<String> command = List.of(ProcessSupervisor.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", destination.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("cannot extract " + jar + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
    }

    private static String stampOf(Path jar) {
        try {
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                throw new IllegalStateException(jar + " has no manifest");
            }
            return file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover directory beside the jar only costs disk until the next clean build.
        }
    }
}
