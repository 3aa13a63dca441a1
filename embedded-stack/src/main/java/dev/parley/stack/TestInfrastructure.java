package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real broker, registry and MongoDB for integration tests: started once per test JVM on free ports,
 * shared by every test class in it, stopped when the JVM exits. Fault tests stop and start them through
 * {@link #components()}: each comes back on the same port with its data (the registry's storage is a file).
 */
public final class TestInfrastructure {

    private static Components components;

    private TestInfrastructure() {
    }

    public static synchronized Endpoints start() {
        return components().endpoints();
    }

    /** The running broker, registry and MongoDB themselves, started if they are not yet. */
    public static synchronized Components components() {
        if (components == null) {
            components = startAll();
        }
        return components;
    }

    private static Components startAll() {
        Path work = tempDir();
        var registry = CompletableFuture.supplyAsync(() -> SchemaRegistry.start(SchemaRegistry.defaultHome(),
                Ports.free(), work.resolve("registry.log"), work.resolve("registry")));
        var kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free(), KafkaBroker.REFUSABLE_WRITES);
        var mongo = EmbeddedMongo.inMemory(0);
        SchemaRegistry schemaRegistry = registry.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
            schemaRegistry.close();
        }));
        return new Components(kafka, schemaRegistry, mongo);
    }

    /** The infrastructure a test JVM shares. */
    public record Components(KafkaBroker kafka, SchemaRegistry registry, EmbeddedMongo mongo) {

        public Endpoints endpoints() {
            return new Endpoints(kafka.bootstrapServers(), registry.apiUrl(), mongo.connectionString());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
