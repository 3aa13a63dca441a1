package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

class EmbeddedInfrastructureTest {

    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();

    @Test
    void kafkaBrokerRoundTripsARecord() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("stack.roundtrip", 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack.roundtrip", "k", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "roundtrip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("stack.roundtrip"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records.records("stack.roundtrip")).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    @Test
    void registryServesItsApiAndTheConfluentCompatibleApi() {
        String base = INFRA.registryUrl().replace("/apis/registry/v3", "");
        assertThat(HttpReadiness.isUp(INFRA.registryUrl() + "/system/info")).isTrue();
        assertThat(HttpReadiness.isUp(base + "/apis/ccompat/v7/subjects")).isTrue();
    }

    @Test
    void persistentMongoKeepsDataAcrossARestart(@TempDir Path dir) {
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
}
