package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A broker, a registry and a MongoDB on free ports of this machine, in a fresh temporary folder, stopped when the
 * JVM exits: what integration and fault tests run against. Each can be stopped and started again on its port with
 * its data (the registry's storage is a file), and the broker can be told to refuse writes.
 */
public record LocalComponents(KafkaBroker kafka, SchemaRegistry registry, EmbeddedMongo mongo) {

    public static LocalComponents startOnFreePorts() {
        Path work;
        try {
            work = Files.createTempDirectory("parley-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var registry = CompletableFuture.supplyAsync(() -> SchemaRegistry.start(SchemaRegistry.defaultHome(),
                Ports.free(), work.resolve("registry.log"), work.resolve("registry")));
        var kafka = KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free(), KafkaBroker.REFUSABLE_WRITES);
        var mongo = EmbeddedMongo.inMemory(0);
        var components = new LocalComponents(kafka, registry.join(), mongo);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
            components.registry().close();
        }));
        return components;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
