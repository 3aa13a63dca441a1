package dev.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * MongoDB wire protocol served by mongo-java-server: in memory for tests, or on its H2 backend in a file
 * whose data survives a restart. It has no multi-document transactions, which Parley never relies on.
 * {@link #stop()} and {@link #start()} take it off and back on the same port with its data (an outage, for
 * fault tests): clients see their connections closed and new ones refused in between.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /**
     * Threads that serve the connections. mongo-java-server runs each command on its connection's event loop, and a
     * command waits there for its collection's lock; with Netty's default (two per core: 4 here) one busy collection
     * held up the commands of every connection sharing a loop with it (docs/decisions.md, "The embedded MongoDB
     * serves on 16 event loops").
     */
    static final int EVENT_LOOPS = 16;

    private final Supplier<MongoBackend> backends;
    private final int port;
    private MongoServer server;
    private MongoBackend backend;

    private EmbeddedMongo(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.port = port;
        start();
    }

    public static EmbeddedMongo inMemory(int port) {
        var retained = new KeyedMemoryBackend();
        return new EmbeddedMongo(() -> retained, Ports.orFree(port));
    }

    public static EmbeddedMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedMongo(() -> new KeyedH2Backend(file.toAbsolutePath().toString()), Ports.orFree(port));
    }

    /** Serves again after {@link #stop()}, on the same port, with the data it had. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        backend = backends.get();
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 0, EVENT_LOOPS);
    }

    /** Closes every client connection and the port; the data stays for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        server = null;
    }

    /** What serves the data: a test holds one of its collections' locks through it. */
    synchronized MongoBackend backend() {
        return backend;
    }

    /** Connection string without a database name. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        stop();
        if (backend instanceof KeyedMemoryBackend memory) {
            memory.discard();
        }
    }
}
