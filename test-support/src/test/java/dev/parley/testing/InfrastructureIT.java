package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import com.mongodb.client.MongoClients;

/** The lane's infrastructure, whichever it is, answers like the real thing: a record, the registry's two APIs, a document. */
class InfrastructureIT {

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
    void registryServesItsApiAndTheConfluentCompatibleApi() throws Exception {
        String base = INFRA.registryUrl().replace("/apis/registry/v3", "");
        assertThat(status(INFRA.registryUrl() + "/system/info")).isEqualTo(200);
        assertThat(status(base + "/apis/ccompat/v7/subjects")).isEqualTo(200);
    }

    @Test
    void mongoStoresAndFindsADocument() {
        try (var client = MongoClients.create(INFRA.mongoUri())) {
            var things = client.getDatabase("infrastructure-it").getCollection("things");
            things.insertOne(new Document("_id", "a").append("n", 1));
            assertThat(things.find(new Document("_id", "a")).first()).containsEntry("n", 1);
        }
    }

    private static int status(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
