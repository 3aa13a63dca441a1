package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.parley.events.CallOutcome;
import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import dev.parley.stack.ServiceProcess;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import tools.jackson.databind.JsonNode;

/**
 * "Killing the accounting service between write and commit double-debits nothing", with real kills of the packaged
 * usage-accounting process. First a deterministic kill: the crash-test hook halts the JVM (exit 137) right after a
 * debit's balance write, before its ledger entry is marked and before the listener returns, so the record's offset
 * is not committed; the restarted service gets the record again. Then SIGKILL at an arbitrary moment of a burst.
 * Both end with every balance lowered by exactly the sum of its records' costs, one debit entry each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountingKillIT {

    static final String MODEL = "kill-test/model-1.0";
    /** A dead consumer holds its partitions until its session expires: the 45 s default would dominate the test. */
    static final List<String> SHORT_SESSION = List.of(
            "-Dspring.kafka.consumer.properties.session.timeout.ms=6000",
            "-Dspring.kafka.consumer.properties.heartbeat.interval.ms=1000");
    static final Pattern HALTED_AT = Pattern.compile("halting after the debit write of usage (\\S+)");

    static RunningSystem system;
    static KafkaProducer<String, Object> producer;
    static MongoClient mongoClient;
    static MongoDatabase mongo;

    @BeforeAll
    static void startSystemAndClients() throws Exception {
        system = RunningSystem.start();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.env("KAFKA_BOOTSTRAP_SERVERS"),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", system.env("REGISTRY_URL"),
                "apicurio.registry.auto-register", true,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler"));
        var uri = new ConnectionString(system.env("MONGODB_URI"));
        mongoClient = MongoClients.create(uri);
        mongo = mongoClient.getDatabase(uri.getDatabase());
    }

    /**
     * The other test classes share the system: whatever a test left behind, the next one (here or in another class)
     * gets a live accounting without the hook, or a failure here would halt the accounting under every test after it.
     */
    @AfterEach
    void leaveAccountingRunningWithoutTheHook() {
        if (!system.accounting.isAlive() || system.accountingHasFaultHooks()) {
            system.restartAccounting(SHORT_SESSION);
        }
    }

    @AfterAll
    static void closeClients() {
        producer.close();
        mongoClient.close();
    }

    @Test
    @Order(1)
    void haltedRightAfterADebitWriteTheRecordIsDebitedOnceAfterTheRestart() throws Exception {
        ServiceProcess hooked = system.restartAccountingWithFaultHooks(withOptions(
                "-Dparley.accounting.fault.halt-after-debit-write=3"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readString(hooked.logFile()))
                .as(() -> "the hooked process announced its hook; its log ends with:\n" + hooked.logTail())
                .contains("TEST HOOK ACTIVE"));
        pushCatalogPrice();
        String user = "kill-" + UUID.randomUUID();
        List<UsageRecorded> records = records(user, 6);

        publish(records);

        assertThat(hooked.onExit().get(60, TimeUnit.SECONDS).exitValue()).isEqualTo(137);
        String haltedAt = haltedAt(hooked);
        int halted = indexOf(records, haltedAt);
        assertThat(halted).as("the third debit of this process is this user's third record").isEqualTo(2);
        // the kill came between the write and the commit: balance debited, entry pending. Records are debited a
        // poll at a time (one account write for all of the poll's records of a payer), so the write that carried
        // the third record may have carried some of the later ones too: the account applied a prefix of the records
        assertThat(mongo.getCollection("ledger").find(Filters.eq("_id", haltedAt)).first().getString("state"))
                .isEqualTo("PENDING");
        Document account = mongo.getCollection("accounts").find(Filters.eq("_id", user)).first();
        List<String> applied = account.getList("recentEventIds", String.class);
        assertThat(applied).contains(haltedAt).hasSizeGreaterThanOrEqualTo(3)
                .containsExactlyElementsOf(records.subList(0, applied.size()).stream()
                        .map(UsageRecorded::getEventId).toList());
        assertThat(account.getLong("balance"))
                .isEqualTo(RunningSystem.STARTING_BALANCE - cost(records.subList(0, applied.size())));

        system.restartAccounting(SHORT_SESSION);

        awaitExactlyDebited(user, records);
        JsonNode entry = accounting().get("/internal/accounts/" + user + "/transactions?size=200").json()
                .get("items").valueStream().filter(item -> item.get("id").asString().equals(haltedAt))
                .findFirst().orElseThrow();
        assertThat(entry.get("amount").asLong()).isEqualTo(cost(List.of(records.get(halted))));
    }

    @Test
    @Order(2)
    void killedAtAnArbitraryMomentOfABurstEveryRecordIsDebitedOnce() throws Exception {
        pushCatalogPrice();
        ServiceProcess running = system.accounting;
        List<String> users = List.of("burst-" + UUID.randomUUID(), "burst-" + UUID.randomUUID(),
                "burst-" + UUID.randomUUID());
        Map<String, List<UsageRecorded>> byUser = Map.of(users.get(0), records(users.get(0), 120),
                users.get(1), records(users.get(1), 120), users.get(2), records(users.get(2), 120));
        byUser.values().forEach(AccountingKillIT::publish);

        long debitedBeforeKill = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> users.stream().mapToLong(AccountingKillIT::debitedCredits).sum(), debited -> debited > 0);
        running.kill();
        System.out.printf("SIGKILL after at least %d of %d credits were debited%n", debitedBeforeKill,
                byUser.values().stream().mapToLong(AccountingKillIT::cost).sum());
        assertThat(running.onExit().get(30, TimeUnit.SECONDS).exitValue()).isEqualTo(137);

        system.restartAccounting(SHORT_SESSION);

        for (String user : users) {
            awaitExactlyDebited(user, byUser.get(user));
        }
    }

    private static void awaitExactlyDebited(String user, List<UsageRecorded> records) {
        long cost = cost(records);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode aggregates = accounting().get("/internal/accounts/" + user + "/transactions?size=1").json()
                    .get("aggregates");
            assertThat(aggregates.get("count").asLong()).as("debit entries").isEqualTo(records.size());
            assertThat(aggregates.get("totalDebited").asLong()).isEqualTo(cost);
            assertThat(accounting().get("/internal/accounts/" + user).json().get("balance").asLong())
                    .isEqualTo(RunningSystem.STARTING_BALANCE - cost);
        });
        assertThat(mongo.getCollection("ledger").countDocuments(Filters.and(Filters.eq("userId", user),
                Filters.ne("state", "APPLIED")))).as("nothing left pending").isZero();
    }

    /** Input, cached input and output tokens differ per record, so every record has its own cost. */
    private static List<UsageRecorded> records(String user, int count) {
        List<UsageRecorded> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setRequestId(UUID.randomUUID().toString()).setUserId(user).setProvider("mock").setModel(MODEL)
                    .setInputTokens(10 + i % 50).setCachedInputTokens(i % 3 == 0 ? 4 : 0).setOutputTokens(5 + i % 21)
                    .setSource(UsageSource.PROVIDER_REPORTED).setOutcome(CallOutcome.COMPLETED)
                    .setRecordedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build());
        }
        return records;
    }

    /**
     * At the catalog price {@link #pushCatalogPrice}: 1.5 credits an uncached input token, 0.5 a cached one and
     * 2.5 an output token, each call rounded up once.
     */
    private static long cost(List<UsageRecorded> records) {
        return records.stream().mapToLong(record -> {
            long cached = record.getCachedInputTokens();
            long micro = (record.getInputTokens() - cached) * 1_500_000 + cached * 500_000
                    + record.getOutputTokens() * 2_500_000;
            return (micro + 999_999) / 1_000_000;
        }).sum();
    }

    /** Publishes the model's price on catalog.prices as the catalog does, and waits until accounting holds it. */
    private static void pushCatalogPrice() {
        try {
            producer.send(new ProducerRecord<>(Topics.CATALOG_PRICES, MODEL, ModelPriced.newBuilder().setModel(MODEL)
                    .setProvider("mock").setInput(1_500_000).setOutput(2_500_000).setCachedInput(500_000)
                    .setPricedAt(java.time.Instant.now()).build())).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the price", e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode price = accounting().get("/internal/admin/prices").json().get("prices").get(MODEL);
            return price != null && price.get("output").asLong() == 2_500_000;
        });
    }

    private static void publish(List<UsageRecorded> records) {
        try {
            for (UsageRecorded record : records) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RECORDED, record.getUserId(), record));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not publish usage", e);
        }
    }

    private static long debitedCredits(String user) {
        var account = accounting().get("/internal/accounts/" + user);
        return account.status() == 200 ? account.json().get("debitedCredits").asLong() : 0;
    }

    private static String haltedAt(ServiceProcess hooked) throws Exception {
        Matcher matcher = HALTED_AT.matcher(Files.readString(hooked.logFile()));
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        assertThat(last).as("the hook logged where it halted").isNotNull();
        return last;
    }

    private static int indexOf(List<UsageRecorded> records, String eventId) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).getEventId().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> withOptions(String... options) {
        List<String> all = new ArrayList<>(SHORT_SESSION);
        all.addAll(List.of(options));
        return all;
    }

    private static ApiClient accounting() {
        return new ApiClient(system.accounting.baseUrl()).as(RunningSystem.SERVICE_TOKEN);
    }
}
