package dev.parley.bench.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.parley.bench.measure.MeasuredProcess;

/**
 * What {@code ./parley up} reported in {@code $PARLEY_HOME/stack.properties}: its processes and where the service
 * instances listen.
 */
public record RunningStack(long launcherPid, long registryPid, String mongoUri, List<Instance> instances) {

    /**
     * One service instance, e.g. {@code api-ingress-2} on port 8083.
     *
     * @param managementPort where its health and metrics are (never on {@code port})
     */
    public record Instance(String name, int port, long pid, int managementPort) {

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** Health ({@code /actuator/health}) and metrics ({@code /actuator/prometheus}) live here. */
        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }

        public boolean isIngress() {
            return name.startsWith("api-ingress");
        }
    }

    public static RunningStack read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Instance> instances = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("service.") && key.endsWith(".port") && !key.endsWith(".management.port")) {
                String name = key.substring("service.".length(), key.length() - ".port".length());
                instances.add(new Instance(name, Integer.parseInt(properties.getProperty(key)),
                        Long.parseLong(properties.getProperty("service." + name + ".pid", "-1")),
                        Integer.parseInt(properties.getProperty("service." + name + ".management.port", "-1"))));
            }
        }
        instances.sort(java.util.Comparator.comparingInt(Instance::port));
        return new RunningStack(Long.parseLong(properties.getProperty("launcher.pid", "-1")),
                Long.parseLong(properties.getProperty("registry.pid", "-1")), properties.getProperty("mongo.uri"),
                List.copyOf(instances));
    }

    public List<Instance> ingresses() {
        return instances.stream().filter(Instance::isIngress).toList();
    }

    /** Every process of the stack: the launcher (Kafka and the embedded MongoDB run in it), the registry, services. */
    public List<MeasuredProcess> processes() {
        List<MeasuredProcess> processes = new ArrayList<>();
        processes.add(new MeasuredProcess("launcher (kafka+mongo)", launcherPid));
        processes.add(new MeasuredProcess("registry", registryPid));
        instances.forEach(i -> processes.add(new MeasuredProcess(i.name(), i.pid())));
        return processes;
    }
}
