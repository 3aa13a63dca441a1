package dev.parley.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * MongoDB wire protocol served by mongo-java-server: in memory for tests, or on its H2 backend in a file
 * whose data survives a restart. It has no multi-document transactions, which Parley never relies on.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.port = port;
    }

    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new KeyedMemoryBackend(), Ports.orFree(port));
    }

    public static EmbeddedMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new EmbeddedMongo(new KeyedH2Backend(file.toAbsolutePath().toString()), Ports.orFree(port));
    }

    /** Connection string without a database name. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
