package dev.parley.stack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Queries naming an {@code _id} plus conditions go through the id index and still answer exactly what the whole
 * query asks for: the conditional updates that reservations and debits are built on.
 */
class KeyedMongoBackendIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void conditionsBesideTheIdStillDecide(boolean persistent) {
        try (EmbeddedMongo mongo = start(persistent); var client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase("t").getCollection("accounts");
            accounts.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "u" + i)
                    .append("balance", 10L * i).append("events", List.of("e" + i))).toList());

            assertThat(accounts.find(and(eq("_id", "u3"), gte("balance", 30L))).first()).isNotNull();
            assertThat(accounts.find(and(eq("_id", "u3"), gte("balance", 31L))).first()).isNull();
            assertThat(accounts.find(and(eq("_id", "u3"), ne("events", "e3"))).first()).isNull();
            assertThat(accounts.find(and(in("_id", "u1", "u2", "u9"), gte("balance", 20L))).into(new java.util.ArrayList<>()))
                    .extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("u2", "u9");

            Document debited = accounts.findOneAndUpdate(and(eq("_id", "u5"), gte("balance", 20L), ne("events", "x")),
                    Updates.combine(Updates.inc("balance", -20L), Updates.push("events", "x")),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(debited.getLong("balance")).isEqualTo(30L);
            // the same event again matches nothing: applied once
            assertThat(accounts.findOneAndUpdate(and(eq("_id", "u5"), ne("events", "x")), Updates.inc("balance", -20L)))
                    .isNull();
            assertThat(accounts.updateOne(and(eq("_id", "new"), eq("kind", "k")), Updates.set("balance", 1L),
                    new UpdateOptions().upsert(true)).getUpsertedId()).isNotNull();
            assertThat(accounts.find(eq("_id", "new")).first()).containsEntry("kind", "k").containsEntry("balance", 1L);
            assertThat(accounts.deleteOne(and(eq("_id", "u7"), gte("balance", 1000L))).getDeletedCount()).isZero();
            assertThat(accounts.deleteOne(and(eq("_id", "u7"), gte("balance", 70L))).getDeletedCount()).isOne();
        }
    }

    @Test
    void onlyQueriesWithAnIdAndMoreTakeTheIdIndex() {
        var backend = new KeyedMemoryBackend();
        var collection = backend.openOrCreateDatabase("t").createCollectionOrThrowIfExists("c",
                de.bwaldvogel.mongo.backend.CollectionOptions.withDefaults());
        var indexes = ((KeyedMemoryBackend.Collection) collection).getIndexes();

        assertThat(IdIndexLookup.of(doc("_id", "a", "balance", 1), "_id", indexes)).isPresent();
        assertThat(IdIndexLookup.of(doc("_id", doc("$in", List.of("a", "b")), "x", 1), "_id", indexes)).isPresent();
        assertThat(IdIndexLookup.of(doc("balance", 1), "_id", indexes)).isEmpty();
        // a range on the id is no key: the plain query path decides
        assertThat(IdIndexLookup.of(doc("_id", doc("$gt", "a"), "x", 1), "_id", indexes)).isEmpty();
    }

    @Test
    void aDataFileWrittenByThePlainBackendOpensWithItsData() {
        Path file = dir.resolve("plain.mv");
        var plain = new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString());
        try (var server = new TestServer(plain); var client = MongoClients.create(server.uri())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "k").append("v", 1));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").find(and(eq("_id", "k"), eq("v", 1))).first())
                    .isNotNull();
        }
    }

    /**
     * MVStore serializes unsaved pages on its own thread without the collection's lock: a stored document whose
     * fields an update removed or added in place could be written as bytes that no longer deserialize. Every kind of
     * update must leave the stored object as it was and store another one.
     */
    @Test
    void updatesReplaceTheStoredDocumentAndNeverChangeIt() {
        var backend = new KeyedH2Backend(dir.resolve("replace.mv").toString());
        try (var server = new TestServer(backend); var client = MongoClients.create(server.uri())) {
            MongoCollection<Document> accounts = client.getDatabase("t").getCollection("accounts");
            var stored = backend.getMvStore().<Object, de.bwaldvogel.mongo.bson.Document>openMap(
                    "databases.t.accounts");
            accounts.insertOne(new Document("_id", "u").append("balance", 5L).append("events", List.of("a")));

            var before = stored.get("u");
            accounts.updateOne(eq("_id", "u"), Updates.combine(Updates.push("events", "b"), Updates.set("added", 1),
                    Updates.unset("balance")));
            assertUnchanged(before, doc("_id", "u", "balance", 5L, "events", List.of("a")));
            assertThat(stored.get("u")).isEqualTo(doc("_id", "u", "events", List.of("a", "b"), "added", 1));

            before = stored.get("u");
            accounts.findOneAndUpdate(and(eq("_id", "u"), gte("added", 1)), Updates.combine(Updates.unset("added"),
                    Updates.set("balance", 7L)));
            assertUnchanged(before, doc("_id", "u", "events", List.of("a", "b"), "added", 1));

            before = stored.get("u");
            accounts.updateMany(gte("balance", 7L), Updates.pull("events", "a"));
            assertUnchanged(before, doc("_id", "u", "events", List.of("a", "b"), "balance", 7L));
            assertThat(accounts.find(eq("_id", "u")).first()).containsEntry("events", List.of("b"));
        }
    }

    private static void assertUnchanged(Object before, de.bwaldvogel.mongo.bson.Document asStored) {
        assertThat(before).as("the object stored before the update").isEqualTo(asStored);
    }

    @Test
    void uniqueIndexesAreRebuiltFromTheDataWhenTheFileOpensAgain() {
        Path file = dir.resolve("unique.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("t").getCollection("users");
            users.createIndex(new Document("email", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            users.insertOne(new Document("_id", "u1").append("email", "ada@example.com"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("t").getCollection("users");

            assertThat(users.find(eq("email", "ada@example.com")).first()).containsEntry("_id", "u1");
            assertThat(users.find(and(eq("_id", "u1"), eq("email", "ada@example.com"))).first()).isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.insertOne(new Document("_id", "u2")
                    .append("email", "ada@example.com"))).isInstanceOf(com.mongodb.MongoWriteException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.insertOne(new Document("_id", "u1")
                    .append("email", "other@example.com"))).isInstanceOf(com.mongodb.MongoWriteException.class);
        }
    }

    @Test
    void persistentMongoKeepsDataAcrossARestart() {
        Path file = dir.resolve("mongo.mv");
        try (var mongo = EmbeddedMongo.persistent(file, 0); var client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("parley").getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
        }
        try (var mongo = EmbeddedMongo.persistent(file, 0); var client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("parley").getCollection("things").find().first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        }
    }

    private EmbeddedMongo start(boolean persistent) {
        return persistent ? EmbeddedMongo.persistent(dir.resolve("mongo.mv"), 0) : EmbeddedMongo.inMemory(0);
    }

    private static de.bwaldvogel.mongo.bson.Document doc(Object... keyValues) {
        var document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keyValues.length; i += 2) {
            document.put((String) keyValues[i], keyValues[i + 1]);
        }
        return document;
    }

    private static final class TestServer implements AutoCloseable {

        private final de.bwaldvogel.mongo.MongoServer server;
        private final java.net.InetSocketAddress address;

        TestServer(de.bwaldvogel.mongo.MongoBackend backend) {
            server = new de.bwaldvogel.mongo.MongoServer(backend);
            address = server.bind();
        }

        String uri() {
            return "mongodb://127.0.0.1:" + address.getPort();
        }

        @Override
        public void close() {
            server.shutdownNow();
        }
    }
}
