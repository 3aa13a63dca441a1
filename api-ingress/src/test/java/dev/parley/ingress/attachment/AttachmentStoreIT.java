package dev.parley.ingress.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.testing.TestInfrastructure;

/** The MongoDB chunk store and the storage quota against the embedded MongoDB. */
class AttachmentStoreIT {

    final MongoClient client = MongoClients.create(TestInfrastructure.start().mongoUri());
    final MongoTemplate mongo = new MongoTemplate(client, "attachment-store-it");
    final MongoChunkStore store = new MongoChunkStore(mongo, 1000);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void objectsAreCutIntoChunksKeyedByIdAndReadBackWhole() {
        String key = UUID.randomUUID().toString();
        byte[] content = new byte[2500];
        new java.util.Random(7).nextBytes(content);
        store.write(key, content);
        store.write(key + ".empty", new byte[0]);

        assertThat(mongo.findById(key + ":0", Document.class, MongoChunkStore.COLLECTION)).isNotNull();
        assertThat(mongo.findById(key + ":2", Document.class, MongoChunkStore.COLLECTION)).isNotNull();
        Map<String, byte[]> read = store.readAll(List.of(new StoredObject(key, 2500),
                new StoredObject(key + ".empty", 0), new StoredObject("missing", 10)));
        assertThat(read.get(key)).isEqualTo(content);
        assertThat(read.get(key + ".empty")).isEmpty();
        assertThat(read).doesNotContainKey("missing");

        store.deleteAll(List.of(new StoredObject(key, 2500)));
        assertThat(store.read(new StoredObject(key, 2500))).isNull();
        assertThat(mongo.findById(key + ":1", Document.class, MongoChunkStore.COLLECTION)).isNull();
    }

    @Test
    void theQuotaCannotBePassedEvenByConcurrentUploads() throws Exception {
        StorageQuota quota = new StorageQuota(mongo, 10_000, 1_000);
        String user = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> takes = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            quota.take(user, 1_000);
                            return true;
                        } catch (ApiProblem refused) {
                            assertThat(refused.kind()).isEqualTo(ProblemKind.STORAGE_QUOTA_EXCEEDED);
                            return false;
                        }
                    }, pool)).toList();
            long taken = takes.stream().filter(CompletableFuture::join).count();
            assertThat(taken).isEqualTo(10);
        } finally {
            pool.shutdown();
        }
        assertThat(quota.used(user).bytes()).isEqualTo(10_000);
        assertThat(quota.used(user).files()).isEqualTo(10);

        quota.release(user, 3_000, 3);
        quota.take(user, 3_000);
        assertThatThrownBy(() -> quota.take(user, 1)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> quota.take(UUID.randomUUID().toString(), 10_001)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aUserKeepsAtMostTheCappedNumberOfFiles() {
        StorageQuota quota = new StorageQuota(mongo, 10_000, 2);
        String user = UUID.randomUUID().toString();
        quota.take(user, 10);
        quota.take(user, 10);

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> quota.take(user, 10));

        assertThat(refused.kind()).isEqualTo(ProblemKind.LIMIT_REACHED);
        quota.release(user, 10, 1);
        quota.take(user, 10);
        assertThat(quota.used(user).files()).isEqualTo(2);
    }
}
