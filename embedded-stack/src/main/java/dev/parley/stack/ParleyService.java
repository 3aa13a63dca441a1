package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The three Parley services, each a module of the repository packaged as a runnable Spring Boot jar. */
enum ParleyService {

    USAGE_ACCOUNTING("usage-accounting", StackSettings.ACCOUNTING_PORT, StackSettings.ACCOUNTING_MANAGEMENT_PORT),
    LLM_WORKER("llm-worker", StackSettings.WORKER_PORT, StackSettings.WORKER_MANAGEMENT_PORT),
    API_INGRESS("api-ingress", StackSettings.INGRESS_PORT, StackSettings.INGRESS_MANAGEMENT_PORT);

    private final String module;
    private final String portVariable;
    private final String managementPortVariable;

    ParleyService(String module, String portVariable, String managementPortVariable) {
        this.module = module;
        this.portVariable = portVariable;
        this.managementPortVariable = managementPortVariable;
    }

    /** The variable of the port its health and metrics listen on. */
    String managementPortVariable() {
        return managementPortVariable;
    }

    String module() {
        return module;
    }

    String portVariable() {
        return portVariable;
    }

    /** The first instance is named after the module, the others {@code <module>-2}, {@code <module>-3}, ... */
    String instanceName(int index) {
        return index == 0 ? module : module + "-" + (index + 1);
    }

    /** Where the build puts the runnable jar; the exact file name carries the project version. */
    Path targetDir(Path servicesDir) {
        return servicesDir.resolve(module).resolve("target");
    }

    /** The newest {@code <module>-<version>-exec.jar}, if the module has been built. */
    Optional<Path> findJar(Path servicesDir) {
        Path target = targetDir(servicesDir);
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(this::isExecJar).max(Comparator.comparing(ParleyService::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private boolean isExecJar(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar") && Files.isRegularFile(file);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
