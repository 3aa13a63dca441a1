package dev.parley.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What {@code ./parley up} runs with, read once from the environment and system properties.
 *
 * @param ports             port per environment variable, e.g. {@code KAFKA_PORT -> 9092}
 * @param externalMongoUri  {@code MONGODB_URI} when set: a real MongoDB is used and none is embedded
 * @param env               the launcher's environment, for values passed through to the services
 */
record StackSettings(Path home, Path registryDir, Path servicesDir, boolean allowMissingServices,
        Map<String, Integer> ports, Optional<String> externalMongoUri, Map<String, String> env) {

    static final String KAFKA_PORT = "KAFKA_PORT";
    static final String KAFKA_CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    static final String REGISTRY_PORT = "REGISTRY_PORT";
    static final String MONGO_PORT = "MONGO_PORT";
    static final String INGRESS_PORT = "INGRESS_PORT";
    static final String WORKER_PORT = "WORKER_PORT";
    static final String ACCOUNTING_PORT = "ACCOUNTING_PORT";

    static final String SERVICES_DIR_PROPERTY = "parley.services.dir";
    static final String ALLOW_MISSING_PROPERTY = "parley.allow-missing-services";

    private static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    StackSettings {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        env = Map.copyOf(env);
    }

    /** Reads {@code env} and system properties (through {@code property}); fails with a readable message. */
    static StackSettings from(Map<String, String> env, UnaryOperator<String> property) {
        Path servicesDir = Path.of(valueOr(property.apply(SERVICES_DIR_PROPERTY), "")).toAbsolutePath().normalize();
        Path home = Path.of(valueOr(env.get("PARLEY_HOME"), servicesDir.resolve(".parley").toString()))
                .toAbsolutePath().normalize();
        Path registryDir = registryDir(property.apply(SchemaRegistry.HOME_PROPERTY));
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, fallback) -> ports.put(name, port(env, name, fallback)));
        Optional<String> mongoUri = Optional.ofNullable(env.get("MONGODB_URI")).filter(s -> !s.isBlank());
        boolean allowMissing = Boolean.parseBoolean(property.apply(ALLOW_MISSING_PROPERTY));
        return new StackSettings(home, registryDir, servicesDir, allowMissing, ports, mongoUri, env);
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
