package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import dev.parley.stack.EmbeddedMongo;
import dev.parley.stack.KafkaBroker;
import dev.parley.stack.Ports;
import dev.parley.stack.SchemaRegistry;

/** The embedded stack's components on free ports: no Docker needed, the default lane. */
final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    static TestInfrastructure.Endpoints start() {
        Path work = tempDir();
        var registry = CompletableFuture.supplyAsync(
                () -> SchemaRegistry.start(SchemaRegistry.defaultHome(), Ports.free(), work.resolve("registry.log")));
        var kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free());
        var mongo = EmbeddedMongo.inMemory(0);
        SchemaRegistry schemaRegistry = registry.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
            schemaRegistry.close();
        }));
        return new TestInfrastructure.Endpoints(kafka.bootstrapServers(), schemaRegistry.apiUrl(),
                mongo.connectionString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
