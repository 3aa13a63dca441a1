package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import dev.parley.events.Topics;
import dev.parley.stack.ProcessSupervisor;
import dev.parley.stack.ServiceProcess;

/**
 * Fault matrix: replay of every topic from offset 0, after all the other rows (runs last). The three services stop,
 * their groups go back to the beginning of chat.requests, chat.stream and usage.recorded, and they start again: the
 * worker runs every request ever made once more (its usage records carry the same event ids), api-ingress stores every
 * answer again, accounting reads every usage record again. No account gets a debit more, none stays reserved, no
 * ledger entry stays pending, no answer is left unfinished.
 */
@Order(Integer.MAX_VALUE)
class ReplayIT {

    static final Map<String, String> GROUPS = Map.of("llm-worker", Topics.CHAT_REQUESTS, "api-ingress",
            Topics.CHAT_STREAM, "usage-accounting", Topics.USAGE_RECORDED);

    @Test
    void replayingEveryTopicFromOffsetZeroChangesNoDebit() throws Exception {
        RunningSystem system = RunningSystem.start();
        var uri = new ConnectionString(system.env("MONGODB_URI"));
        try (var client = MongoClients.create(uri); var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.env("KAFKA_BOOTSTRAP_SERVERS")))) {
            MongoDatabase mongo = client.getDatabase(uri.getDatabase());
            await().atMost(Faults.SETTLE).until(() -> caughtUp(admin));
            Map<String, List<Long>> before = debits(mongo);

            CompletableFuture.allOf(CompletableFuture.runAsync(system.worker::stop),
                    CompletableFuture.runAsync(system.ingress::stop),
                    CompletableFuture.runAsync(system.accounting::stop)).join();
            for (var group : GROUPS.entrySet()) {
                rewind(admin, group.getKey(), group.getValue());
            }
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> system.restartWorker(system.worker)),
                    CompletableFuture.runAsync(system::restartIngress),
                    CompletableFuture.runAsync(() -> system.restartAccounting(List.of()))).join();
            List.of(system.worker, system.ingress, system.accounting).forEach(ReplayIT::assertRunsExtracted);

            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> caughtUp(admin) && pending(mongo) == 0);
            assertThat(debits(mongo)).as("Σ and count of debits per account").isEqualTo(before);
            assertThat(mongo.getCollection("accounts").countDocuments(Filters.gt("reserved", 0))).isZero();
            assertThat(mongo.getCollection("ledger").countDocuments(Filters.ne("state", "APPLIED"))).isZero();
        }
    }

    /**
     * A worker restarted onto a backlog once wedged for good on Spring Boot's nested-jar class loading (its virtual
     * threads loading classes at once): services run from their extracted jars on a plain class path instead.
     */
    private static void assertRunsExtracted(ServiceProcess service) {
        String[] arguments = ProcessSupervisor.jvmOf(service.processHandle()).info().arguments().orElseThrow();
        List<String> command = List.of(arguments);
        assertThat(command).as(service.name()).doesNotContain("-jar").contains("-cp");
        assertThat(command.get(command.indexOf("-cp") + 1)).as(service.name()).contains("-extracted/")
                .doesNotContain("-exec.jar:");
    }

    /** Per account: number and sum of its debits. */
    private static Map<String, List<Long>> debits(MongoDatabase mongo) {
        Map<String, List<Long>> debits = new TreeMap<>();
        mongo.getCollection("ledger").aggregate(List.of(Aggregates.match(Filters.eq("type", "DEBIT")),
                Aggregates.group("$accountId", Accumulators.sum("count", 1), Accumulators.sum("sum", "$amount"))))
                .forEach(row -> debits.put(row.getString("_id"), List.of(((Number) row.get("count")).longValue(),
                        ((Number) row.get("sum")).longValue())));
        return debits;
    }

    /** Answers not stored in a terminal state yet. */
    private static long pending(MongoDatabase mongo) {
        return mongo.getCollection("messages").countDocuments(new Document("role", "ASSISTANT")
                .append("status", "PENDING"));
    }

    private static void rewind(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (int partition = 0; partition < partitions(admin, topic); partition++) {
            start.put(new TopicPartition(topic, partition), new OffsetAndMetadata(0));
        }
        // the services are stopped, so the groups are empty and may be rewound; offset 0 is before the first record
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS));
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }

    /** Every group has committed the end of its topic. */
    private static boolean caughtUp(Admin admin) throws Exception {
        for (var group : GROUPS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions(admin, group.getValue()); partition++) {
                latest.put(new TopicPartition(group.getValue(), partition), OffsetSpec.latest());
            }
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                if (end.getValue().offset() > 0 && (done == null || done.offset() < end.getValue().offset())) {
                    return false;
                }
            }
        }
        return true;
    }
}
