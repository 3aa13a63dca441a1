package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

import dev.parley.stack.ServiceEnvironment.Infrastructure;

/**
 * {@code $PARLEY_HOME/stack.properties}: what a running stack consists of, for tools such as {@code ./parley bench}
 * that measure it. The launcher's own pid (Kafka and the embedded MongoDB run in it), the registry's, and for every
 * service instance its name, port and JVM pid. Written once everything is healthy, removed when the stack stops.
 * No secret is in it.
 */
final class StackDescription {

    static final String FILE_NAME = "stack.properties";

    private StackDescription() {
    }

    /** @param embeddedMongo whether the stack runs its own MongoDB (an external URI may carry a password) */
    static Path write(Path file, Infrastructure infra, boolean embeddedMongo, RunningStack running,
            List<ServiceProcess> services) {
        Properties properties = new Properties();
        if (embeddedMongo) {
            properties.setProperty("mongo.uri", infra.mongoUri());
        }
        properties.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("kafka.bootstrap-servers", infra.bootstrapServers());
        properties.setProperty("registry.url", infra.registryUrl());
        ProcessHandle registry = running.registryProcess();
        if (registry != null) {
            properties.setProperty("registry.pid", Long.toString(jvmPid(registry)));
        }
        for (ServiceProcess service : services) {
            String prefix = "service." + service.name() + ".";
            properties.setProperty(prefix + "port", Integer.toString(service.port()));
            properties.setProperty(prefix + "management.port", Integer.toString(service.managementPort()));
            properties.setProperty(prefix + "pid", Long.toString(jvmPid(service.processHandle())));
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "the running Parley stack; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            // readers never see a half-written file
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static long jvmPid(ProcessHandle supervisor) {
        return ProcessSupervisor.jvmOf(supervisor).pid();
    }
}
