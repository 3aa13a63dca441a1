package dev.parley.testing;

import java.util.Map;

import org.opentest4j.TestAbortedException;

import dev.parley.stack.LocalComponents;

/**
 * The real broker, registry and MongoDB for integration tests: started once per test JVM, shared by every test
 * class in it, stopped when the JVM exits. Which ones is the lane's choice ({@link InfrastructureMode}): embedded
 * in the test JVM by default, or Docker images through Testcontainers with {@code -Pcontainers}.
 */
public final class TestInfrastructure {

    private static Endpoints endpoints;
    private static LocalComponents components;

    private TestInfrastructure() {
    }

    /** The infrastructure of this test JVM, started on first use. */
    public static synchronized Endpoints start() {
        TestLane.requireIntegrationLane();
        if (endpoints == null) {
            endpoints = switch (InfrastructureMode.current()) {
                case EMBEDDED -> endpointsOf(components());
                case CONTAINERS -> ContainerInfrastructure.start();
            };
        }
        return endpoints;
    }

    /**
     * The embedded broker, registry and MongoDB themselves, for fault tests that stop and start them; started if they
     * are not yet. In the containers lane such a test is skipped (aborted): it needs the embedded components.
     */
    public static synchronized LocalComponents components() {
        TestLane.requireIntegrationLane();
        if (InfrastructureMode.current() != InfrastructureMode.EMBEDDED) {
            throw new TestAbortedException("stops and starts the embedded broker, registry or MongoDB: embedded lane only");
        }
        if (components == null) {
            components = LocalComponents.startOnFreePorts();
        }
        return components;
    }

    private static Endpoints endpointsOf(LocalComponents local) {
        return new Endpoints(local.bootstrapServers(), local.registry().apiUrl(), local.mongo().connectionString());
    }

    /**
     * Where the test infrastructure listens.
     *
     * @param mongoUri connection string without a database name
     */
    public record Endpoints(String bootstrapServers, String registryUrl, String mongoUri) {

        /** Spring properties that point a Parley service at this infrastructure, using {@code database}. */
        public Map<String, String> springProperties(String database) {
            return Map.of(
                    "spring.kafka.bootstrap-servers", bootstrapServers,
                    "spring.kafka.properties.apicurio.registry.url", registryUrl,
                    "spring.mongodb.uri", mongoUri + "/" + database);
        }
    }
}
