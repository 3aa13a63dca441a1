package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;

/**
 * What fault tests rely on: the broker, the registry and MongoDB of {@link StackComponents} stop and come back on
 * the same port with what they held. The registry matters most: Kafka records carry its content ids, which must mean
 * the same schema after a restart (issue 10: an in-memory registry forgot them).
 */
class RestartIT {

    static final LocalComponents STACK = StackComponents.shared();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRegistryKnowsItsContentIdsAfterARestart() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"R" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        String body = "{\"artifactId\":\"restart-" + UUID.randomUUID() + "\",\"artifactType\":\"AVRO\","
                + "\"firstVersion\":{\"content\":{\"content\":" + quote(schema) + ",\"contentType\":\"application/json\"}}}";
        var created = HTTP.send(HttpRequest.newBuilder(URI.create(STACK.registry().apiUrl()
                + "/groups/default/artifacts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher contentId = Pattern.compile("\"contentId\":(\\d+)").matcher(created.body());
        assertThat(contentId.find()).isTrue();

        STACK.registry().stop();
        assertThat(HttpReadiness.isUp(STACK.registry().apiUrl() + "/system/info")).isFalse();
        STACK.registry().start();

        var found = HTTP.send(HttpRequest.newBuilder(URI.create(STACK.registry().apiUrl() + "/ids/contentIds/"
                + contentId.group(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(schema.substring(0, 40));
    }

    @Test
    void mongoInMemoryKeepsItsDataThroughAnOutage() {
        String id = UUID.randomUUID().toString();
        var settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(
                STACK.mongo().connectionString())).applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS)).build();
        try (var client = MongoClients.create(settings)) {
            var things = client.getDatabase("restart").getCollection("things");
            things.insertOne(new Document("_id", id));

            STACK.mongo().stop();
            assertThatThrownBy(() -> things.find(new Document("_id", id)).first()).isNotNull();
            STACK.mongo().start();

            assertThat(things.find(new Document("_id", id)).first()).isNotNull();
        }
    }

    @Test
    void theBrokerKeepsItsLogAcrossARestart() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        String bootstrap = STACK.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "kept")).get(30, TimeUnit.SECONDS);
        }

        STACK.kafka().stop();
        STACK.kafka().start();

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "restart-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records.records(topic)).extracting(r -> r.value()).containsExactly("kept");
        }
    }

    @Test
    void theBrokerRefusesWritesToChosenTopicsUntilToldOtherwise() throws Exception {
        String refused = "refused-" + UUID.randomUUID();
        String open = "open-" + UUID.randomUUID();
        String bootstrap = STACK.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(refused, 1, (short) 1), new NewTopic(open, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000), new StringSerializer(), new StringSerializer())) {
            STACK.kafka().refuseWrites(List.of(refused));
            try {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(refused, "k", "v")).get(30,
                        TimeUnit.SECONDS)).hasCauseInstanceOf(
                                org.apache.kafka.common.errors.TopicAuthorizationException.class);
                assertThat(producer.send(new ProducerRecord<>(open, "k", "v")).get(30, TimeUnit.SECONDS)).isNotNull();
            } finally {
                STACK.kafka().acceptWrites();
            }
            assertThat(producer.send(new ProducerRecord<>(refused, "k", "v")).get(30, TimeUnit.SECONDS)).isNotNull();
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
