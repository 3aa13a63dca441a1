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

/**
 * The embedded stack's components on free ports: no Docker needed, the default lane. Fault tests stop and start
 * them ({@link TestInfrastructure#components()}): each comes back on the same port with its data (the registry's
 * storage is a file), and the broker can be told to refuse writes.
 */
final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    static TestInfrastructure.Components start() {
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
        return new TestInfrastructure.Components(kafka, schemaRegistry, mongo);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
