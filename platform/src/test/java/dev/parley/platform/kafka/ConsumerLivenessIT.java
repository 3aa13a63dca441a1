package dev.parley.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testing.TestInfrastructure;

/**
 * Issue 10, item 0: a consumer that stops polling (here: its listener blocks for good, as the fan-out consumer did
 * inside the registry client) makes {@code kafkaConsumers} health DOWN, and its container is restarted: new consumers
 * take the partition over once the stuck one has left the group, and the record is handled. Timings are shortened:
 * not consuming after 3 s without a poll, max.poll.interval.ms 8 s.
 */
@SpringBootTest(classes = ConsumerLivenessIT.App.class, properties = {
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.properties.max.poll.interval.ms=8000",
        "spring.kafka.consumer.properties.session.timeout.ms=6000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "spring.kafka.listener.poll-timeout=500ms",
        "spring.kafka.listener.no-poll-threshold=6",
        "spring.kafka.listener.monitor-interval=1s"})
class ConsumerLivenessIT {

    static final String TOPIC = "liveness-" + UUID.randomUUID();
    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Autowired
    Stalling listener;
    @Autowired
    @Qualifier("kafkaConsumersHealthIndicator")
    HealthIndicator health;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", INFRA::bootstrapServers);
        registry.add("spring.kafka.properties.apicurio.registry.url", INFRA::registryUrl);
        registry.add("spring.mongodb.uri", () -> INFRA.mongoUri() + "/liveness");
        registry.add("liveness.topic", () -> TOPIC);
    }

    @AfterAll
    static void releaseTheStuckThread() {
        RELEASE.countDown();
    }

    @Test
    void aConsumerThatStopsPollingIsReportedDownAndRestarted() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", "first")).get(30, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("listeners").toString()).contains("stalling=NOT CONSUMING");
        });
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(listener.handled)
                .as("new consumers took the partition over").containsExactly("first"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health.health().getStatus())
                .isEqualTo(Status.UP));
    }

    /** Blocks on its first record, like a consumer thread stuck in a call that never returns. */
    static class Stalling {

        final AtomicBoolean stalled = new AtomicBoolean();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "stalling", topics = "${liveness.topic}", groupId = "liveness")
        void on(String value) throws InterruptedException {
            if (stalled.compareAndSet(false, true)) {
                RELEASE.await();
                return;
            }
            handled.add(value);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Stalling stalling() {
            return new Stalling();
        }

        @Bean
        NewTopic livenessTopic() {
            return new NewTopic(TOPIC, 1, (short) 1);
        }
    }
}
