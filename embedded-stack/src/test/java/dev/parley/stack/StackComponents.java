package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * This module's own integration tests' broker, registry and MongoDB (test-support's {@code TestInfrastructure}
 * builds on this module, so it cannot serve its tests): started once per test JVM, stopped when it exits.
 */
record StackComponents(KafkaBroker kafka, SchemaRegistry registry, EmbeddedMongo mongo) {

    private static StackComponents shared;

    static synchronized StackComponents shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static StackComponents start() {
        Path work;
        try {
            work = Files.createTempDirectory("parley-stack-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var registry = CompletableFuture.supplyAsync(() -> SchemaRegistry.start(SchemaRegistry.defaultHome(),
                Ports.free(), work.resolve("registry.log"), work.resolve("registry")));
        var kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free(), KafkaBroker.REFUSABLE_WRITES);
        var mongo = EmbeddedMongo.inMemory(0);
        var components = new StackComponents(kafka, registry.join(), mongo);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
            components.registry().close();
        }));
        return components;
    }
}
