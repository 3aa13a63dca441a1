package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code ./parley dlt replay}: dead letters go back to their topic once, byte for byte, without Spring's diagnostics. */
class DltReplayIT {

    static final LocalComponents INFRA = StackComponents.shared();

    @Test
    void replaysEachDeadLetterOnceToItsOriginalTopic() throws Exception {
        String topic = "replay-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(topic + "-dlt", 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                var headers = new RecordHeaders();
                headers.add(DltReplay.ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-exception-message", "Mongo was down".getBytes(StandardCharsets.UTF_8));
                headers.add("trace", ("t" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic + "-dlt", null, "user-" + i, "usage-" + i, headers)).get();
            }
        }
        var output = new ByteArrayOutputStream();
        var replay = new DltReplay(INFRA.bootstrapServers(), new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(replay.replay(topic, true)).as("a dry run only counts").containsEntry(topic, 3);
        assertThat(replay.replay(topic, false)).as("the dry run left them all").containsEntry(topic, 3);
        assertThat(replay.replay(topic + "-dlt", false)).as("already replayed").isEmpty();

        List<ConsumerRecord<String, String>> replayed = read(topic, 3);
        assertThat(replayed).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("usage-0", "usage-1", "usage-2");
        assertThat(replayed).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo("usage-" + record.key().substring(5));
            assertThat(record.headers().lastHeader("trace")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        });
        replay.list();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(topic + "-dlt").contains("0 not replayed yet");
    }

    private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "read-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // anything beyond the expected records would be a double replay
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }
}
