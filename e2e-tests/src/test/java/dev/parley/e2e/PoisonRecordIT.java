package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

/**
 * Fault matrix: poison records (bytes that are no Avro, an event that can never be applied) go to their dead-letter
 * topic at once and block nothing behind them; and {@code ./parley dlt replay <topic>}, the documented command, sends
 * dead letters back: usage that an older version dead-lettered during an outage is debited once, however often it is
 * replayed.
 */
class PoisonRecordIT {

    static RunningSystem system;
    static KafkaProducer<String, Object> avro;
    static KafkaProducer<String, byte[]> raw;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
        String bootstrap = system.env("KAFKA_BOOTSTRAP_SERVERS");
        avro = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", system.env("REGISTRY_URL"),
                "apicurio.registry.auto-register", true,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler"));
        raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        avro.close();
        raw.close();
    }

    @Test
    void poisonRecordsAreDeadLetteredAndBlockNothing() throws Exception {
        User user = Traffic.signUp(system.api(), "poison");
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        // keyed like the traffic behind them, so on the same partitions
        raw.send(new ProducerRecord<>(Topics.USAGE_RECORDED, user.id(), garbage)).get(30, TimeUnit.SECONDS);
        avro.send(new ProducerRecord<>(Topics.USAGE_RECORDED, user.id(), usage(user.id(), -5))).get(30, TimeUnit.SECONDS);
        Posted posted = Traffic.post(user, Map.of("content", "Still alive?", "maxTokens", 30));
        raw.send(new ProducerRecord<>(Topics.CHAT_STREAM, posted.requestId(), garbage)).get(30, TimeUnit.SECONDS);
        raw.send(new ProducerRecord<>(Topics.CHAT_REQUESTS, posted.requestId(), garbage)).get(30, TimeUnit.SECONDS);
        Posted after = Traffic.post(user, Map.of("content", "And now?", "maxTokens", 30));

        Books.assertExact(system, List.of(posted, after), Faults.SETTLE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Books.deadLetters(system,
                List.of(Topics.USAGE_RECORDED, Topics.CHAT_STREAM, Topics.CHAT_REQUESTS),
                Set.of(user.id(), posted.requestId()))).isEqualTo(4));
    }

    @Test
    void usageDeadLetteredInAnOutageIsDebitedOnceByTheReplayCommand() throws Exception {
        User user = Traffic.signUp(system.api(), "replay");
        Books.accounting(system).get("/internal/accounts/" + user.id());
        UsageRecorded lost = usage(user.id(), 40);
        var headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", Topics.USAGE_RECORDED.getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message", "Timed out waiting for a server".getBytes(StandardCharsets.UTF_8));
        avro.send(new ProducerRecord<>(Topics.deadLetterOf(Topics.USAGE_RECORDED), null, user.id(), lost, headers))
                .get(30, TimeUnit.SECONDS);

        String firstReplay = parley("dlt", "replay", Topics.USAGE_RECORDED);
        assertThat(firstReplay).contains("Replayed " + Topics.deadLetterOf(Topics.USAGE_RECORDED));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(balance(user))
                .isEqualTo(RunningSystem.STARTING_BALANCE - 40 - 7));
        parley("dlt", "replay", Topics.USAGE_RECORDED);
        assertThat(parley("dlt", "list")).contains(Topics.deadLetterOf(Topics.USAGE_RECORDED));

        assertThat(Books.debits(Books.accounting(system), user.id())).singleElement()
                .satisfies(debit -> assertThat(debit.get("id").asString()).isEqualTo(lost.getEventId()));
        assertThat(balance(user)).as("replayed again: no change").isEqualTo(RunningSystem.STARTING_BALANCE - 40 - 7);
    }

    private static long balance(User user) {
        return Books.accounting(system).get("/internal/accounts/" + user.id()).json().get("balance").asLong();
    }

    /** UsageRecorded as llm-worker writes it, for the mock model (one credit per token). */
    static UsageRecorded usage(String userId, long inputTokens) {
        String requestId = "req-" + UUID.randomUUID();
        return UsageRecorded.newBuilder().setEventId(requestId + ":0").setRequestId(requestId).setUserId(userId)
                .setProvider("mock").setModel("mock-1").setInputTokens(inputTokens).setOutputTokens(7)
                .setSource(UsageSource.PROVIDER_REPORTED).setOutcome(CallOutcome.COMPLETED)
                .setRecordedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    /** Runs the repository's {@code ./parley} script, as a user would, against this system's broker. */
    static String parley(String... args) throws IOException, InterruptedException {
        Path repository = Path.of(System.getProperty("parley.services.dir")).toAbsolutePath().getParent().getParent()
                .getParent();
        List<String> command = new java.util.ArrayList<>(List.of("bash", repository.resolve("parley").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", system.env("KAFKA_BOOTSTRAP_SERVERS"));
        builder.environment().put("PARLEY_HOME", Path.of("target", "parley-home").toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
