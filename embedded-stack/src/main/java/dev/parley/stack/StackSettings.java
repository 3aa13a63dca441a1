package dev.parley.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What {@code ./parley up} runs with, read once from the environment and system properties.
 *
 * @param ports             port per environment variable, e.g. {@code KAFKA_PORT -> 9092}
 * @param externalMongoUri  {@code MONGODB_URI} when set: a real MongoDB is used and none is embedded
 * @param env               the launcher's environment, for values passed through to the services
 * @param instancePorts     the port of every instance of each service, the first one the service's port variable
 */
record StackSettings(Path home, Path registryDir, Path servicesDir, boolean allowMissingServices,
        Map<String, Integer> ports, Optional<String> externalMongoUri, Map<String, String> env,
        Map<ParleyService, List<Integer>> instancePorts) {

    static final String KAFKA_PORT = "KAFKA_PORT";
    static final String KAFKA_CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    static final String REGISTRY_PORT = "REGISTRY_PORT";
    static final String MONGO_PORT = "MONGO_PORT";
    static final String INGRESS_PORT = "INGRESS_PORT";
    static final String WORKER_PORT = "WORKER_PORT";
    static final String ACCOUNTING_PORT = "ACCOUNTING_PORT";
    static final String INGRESS_INSTANCES = "PARLEY_INGRESS_INSTANCES";
    static final String WORKER_INSTANCES = "PARLEY_WORKER_INSTANCES";
    static final int MAX_INSTANCES = 16;
    static final String INGRESS_MANAGEMENT_PORT = "INGRESS_MANAGEMENT_PORT";
    static final String WORKER_MANAGEMENT_PORT = "WORKER_MANAGEMENT_PORT";
    static final String ACCOUNTING_MANAGEMENT_PORT = "ACCOUNTING_MANAGEMENT_PORT";
    /** A service's health and metrics listen this far above its own port unless set. */
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    static final String SERVICES_DIR_PROPERTY = "parley.services.dir";
    static final String ALLOW_MISSING_PROPERTY = "parley.allow-missing-services";

    private static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    StackSettings {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        env = Map.copyOf(env);
        instancePorts = Collections.unmodifiableMap(new EnumMap<>(instancePorts));
    }

    /** Reads {@code env} and system properties (through {@code property}); fails with a readable message. */
    static StackSettings from(Map<String, String> env, UnaryOperator<String> property) {
        Path servicesDir = Path.of(valueOr(property.apply(SERVICES_DIR_PROPERTY), "")).toAbsolutePath().normalize();
        Path home = Path.of(valueOr(env.get("PARLEY_HOME"), servicesDir.resolve(".parley").toString()))
                .toAbsolutePath().normalize();
        Path registryDir = registryDir(property.apply(SchemaRegistry.HOME_PROPERTY));
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, fallback) -> ports.put(name, port(env, name, fallback)));
        managementPort(ports, env, INGRESS_MANAGEMENT_PORT, INGRESS_PORT);
        managementPort(ports, env, WORKER_MANAGEMENT_PORT, WORKER_PORT);
        managementPort(ports, env, ACCOUNTING_MANAGEMENT_PORT, ACCOUNTING_PORT);
        Optional<String> mongoUri = Optional.ofNullable(env.get("MONGODB_URI")).filter(s -> !s.isBlank());
        boolean allowMissing = Boolean.parseBoolean(property.apply(ALLOW_MISSING_PROPERTY));
        return new StackSettings(home, registryDir, servicesDir, allowMissing, ports, mongoUri, env,
                instancePorts(ports, instances(env, INGRESS_INSTANCES), instances(env, WORKER_INSTANCES)));
    }

    /** The ports of {@code service}'s instances; the first is its port variable's. */
    List<Integer> instancePorts(ParleyService service) {
        return instancePorts.get(service);
    }

    /**
     * Where instance {@code instance} of the service serves health and metrics: its management variable's port (counted
     * up per instance) when set, else the instance's own port + {@link #MANAGEMENT_PORT_OFFSET}.
     */
    int managementPort(ParleyService service, int instance) {
        String variable = env.get(service.managementPortVariable());
        if (variable != null && !variable.isBlank()) {
            return port(service.managementPortVariable()) + instance;
        }
        return instance == 0 ? port(service.managementPortVariable())
                : instancePorts(service).get(instance) + MANAGEMENT_PORT_OFFSET;
    }

    /**
     * Instances beyond the first take the next ports counted up from their service's port that no other component
     * is configured on, api-ingress's first: with the defaults and two of each, api-ingress 8080, 8083 and llm-worker
     * 8081, 8084.
     */
    static Map<ParleyService, List<Integer>> instancePorts(Map<String, Integer> ports, int ingress, int workers) {
        Set<Integer> taken = new HashSet<>(ports.values());
        Map<ParleyService, List<Integer>> result = new EnumMap<>(ParleyService.class);
        result.put(ParleyService.API_INGRESS, countUp(ports.get(INGRESS_PORT), ingress, taken));
        result.put(ParleyService.LLM_WORKER, countUp(ports.get(WORKER_PORT), workers, taken));
        result.put(ParleyService.USAGE_ACCOUNTING, List.of(ports.get(ACCOUNTING_PORT)));
        return result;
    }

    private static List<Integer> countUp(int first, int count, Set<Integer> taken) {
        List<Integer> ports = new ArrayList<>(List.of(first));
        for (int candidate = first + 1; ports.size() < count; candidate++) {
            if (candidate > 65535) {
                throw new StackException("no ports left above " + first + " for " + count + " instances");
            }
            if (taken.add(candidate)) {
                ports.add(candidate);
            }
        }
        return ports;
    }

    private static int instances(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1 && count <= MAX_INSTANCES) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new StackException(name + "=" + value + " is not a number of instances (1-" + MAX_INSTANCES + ")");
    }

    int port(String envVar) {
        Integer port = ports.get(envVar);
        if (port == null) {
            throw new IllegalArgumentException("unknown port variable " + envVar);
        }
        return port;
    }

    Path logs() {
        return home.resolve("logs");
    }

    /** A value from the launcher's environment, empty when unset or blank. */
    Optional<String> envValue(String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    private static void managementPort(Map<String, Integer> ports, Map<String, String> env, String name,
            String servicePort) {
        int derived = ports.get(servicePort) + MANAGEMENT_PORT_OFFSET;
        ports.put(name, port(env, name, derived <= 65535 ? derived : ports.get(servicePort) - MANAGEMENT_PORT_OFFSET));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new StackException(name + "=" + value + " is not a port number (1-65535)");
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KAFKA_PORT, 9092);
        ports.put(KAFKA_CONTROLLER_PORT, 9093);
        ports.put(REGISTRY_PORT, 8090);
        ports.put(MONGO_PORT, 27017);
        ports.put(INGRESS_PORT, 8080);
        ports.put(WORKER_PORT, 8081);
        ports.put(ACCOUNTING_PORT, 8082);
        return ports;
    }

    // The build unpacks Apicurio there; ./parley passes it, so a missing value means a bare java command.
    private static Path registryDir(String dir) {
        if (dir == null || dir.isBlank()) {
            throw new StackException("system property " + SchemaRegistry.HOME_PROPERTY
                    + " is not set: start the stack with ./parley up");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
