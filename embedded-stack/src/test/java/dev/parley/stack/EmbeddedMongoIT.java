package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ServerMonitoringMode;

/**
 * mongo-java-server runs a command on its connection's event loop, where it waits for its collection's lock: the
 * server must have loops enough that such a wait holds up no other connection's commands.
 */
class EmbeddedMongoIT {

    @Test
    void aCommandWaitingForOneCollectionsLockHoldsUpNoOtherConnection() throws Exception {
        List<MongoClient> clients = new ArrayList<>();
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // one connection each (plus its monitor's): 10 in all, which 4 loops would share and 16 need not
            for (int i = 0; i < 5; i++) {
                clients.add(client(mongo));
                clients.get(i).getDatabase("t").getCollection("c" + i).insertOne(new Document("_id", "first"));
            }
            Object busy = mongo.backend().resolveDatabase("t").resolveCollection("c0", false);
            CompletableFuture<?> waiting;
            List<CompletableFuture<Document>> others = new ArrayList<>();
            synchronized (busy) {
                waiting = CompletableFuture.runAsync(() -> clients.get(0).getDatabase("t").getCollection("c0")
                        .insertOne(new Document("_id", "second")), callers);
                await().until(EmbeddedMongoIT::aServerLoopIsBlocked);
                for (int i = 1; i < clients.size(); i++) {
                    MongoClient client = clients.get(i);
                    String collection = "c" + i;
                    others.add(CompletableFuture.supplyAsync(
                            () -> client.getDatabase("t").getCollection(collection).find().first(), callers));
                }
                for (CompletableFuture<Document> other : others) {
                    assertThat(other.get(10, TimeUnit.SECONDS)).containsEntry("_id", "first");
                }
            }
            waiting.get(10, TimeUnit.SECONDS);
            assertThat(clients.get(0).getDatabase("t").getCollection("c0").countDocuments()).isEqualTo(2);
        } finally {
            clients.forEach(MongoClient::close);
        }
    }

    private static MongoClient client(EmbeddedMongo mongo) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .applyToServerSettings(server -> server.serverMonitoringMode(ServerMonitoringMode.POLL))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(1))
                .build());
    }

    private static boolean aServerLoopIsBlocked() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread ->
                thread.getName().startsWith("mongo-server-worker") && thread.getState() == Thread.State.BLOCKED);
    }
}
