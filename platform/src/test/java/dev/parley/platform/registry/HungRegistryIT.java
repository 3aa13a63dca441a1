package dev.parley.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import dev.parley.events.CallOutcome;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import dev.parley.platform.kafka.FailureKind;
import dev.parley.platform.kafka.Failures;
import dev.parley.platform.kafka.ParleyErrorHandler;
import dev.parley.platform.kafka.ParleyKafkaProperties;
import dev.parley.platform.kafka.TransientFailures;
import dev.parley.stack.FaultyProxy;
import dev.parley.testing.TestInfrastructure;
import dev.parley.testing.TestSerdes;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

/**
 * Issue 10, item 0: a schema registry that accepts connections and never answers cannot wedge a consumer or a
 * producer. The serdes talk to the real registry through a proxy that hangs: a consumer whose cache does not know
 * the record's content id yet retries the lookup, bounded each time, and keeps returning to its poll loop; nothing is
 * dead-lettered; once the registry answers again the record is consumed.
 */
class HungRegistryIT {

    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    static final ParleyKafkaProperties PROPERTIES = new ParleyKafkaProperties(1, (short) 1, Duration.ofMillis(200),
            Duration.ofSeconds(1), 3, Duration.ofSeconds(1), true);

    private final String topic = "hung-registry-" + UUID.randomUUID();
    private FaultyProxy proxy;
    private KafkaMessageListenerContainer<String, Object> container;

    @BeforeEach
    void proxyInFrontOfTheRegistry() throws Exception {
        URI registry = URI.create(INFRA.registryUrl());
        proxy = FaultyProxy.start(registry.getHost(), registry.getPort(), FaultyProxy.Mode.HANG);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        proxy.close();
    }

    @Test
    void aConsumerRetriesBoundedLookupsWhileTheRegistryHangsAndConsumesOnceItAnswers() throws Exception {
        // a poll of many records none of which the consumer can read yet: each must not wait for its own timeout
        List<UsageRecorded> usages = new ArrayList<>();
        try (var producer = producer(INFRA.registryUrl(), 10_000)) {
            for (int i = 0; i < 200; i++) {
                UsageRecorded usage = usage();
                usages.add(usage);
                producer.send(new ProducerRecord<>(topic, usage.getUserId(), usage));
            }
            producer.flush();
        }
        List<Object> received = new CopyOnWriteArrayList<>();
        List<ConsumerRecord<?, ?>> deadLettered = new CopyOnWriteArrayList<>();
        var failures = new TransientFailures(Duration.ofMinutes(1), java.time.Clock.systemUTC(), null);
        container = consumer(record -> received.add(record.value()), deadLettered, failures);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(failures.retrying())
                .as("the consumer came back from the hung lookup again and again").hasEntrySatisfying(topic + "-0",
                        retrying -> assertThat(retrying.attempts()).isGreaterThanOrEqualTo(3)));
        assertThat(received).isEmpty();

        proxy.mode(FaultyProxy.Mode.FORWARD);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received)
                .containsExactlyInAnyOrderElementsOf(usages));
        assertThat(deadLettered).as("a registry outage is not the record's fault").isEmpty();
    }

    @Test
    void aProducerWhoseSchemaIsNotRegisteredYetFailsWithinItsBoundInsteadOfHanging() {
        try (var producer = producer("http://127.0.0.1:" + proxy.port() + "/apis/registry/v3", 1000)) {
            Instant started = Instant.now();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> producer.send(new ProducerRecord<>(topic, "u", usage())))
                    .satisfies(failure -> assertThat(Failures.classify(failure)).isEqualTo(FailureKind.TRANSIENT)));
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
        }
    }

    private KafkaMessageListenerContainer<String, Object> consumer(MessageListener<String, Object> listener,
            List<ConsumerRecord<?, ?>> deadLettered, TransientFailures failures) {
        Map<String, Object> config = serdeConfig("http://127.0.0.1:" + proxy.port() + "/apis/registry/v3", 1000);
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "hung-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroKafkaDeserializer.class));
        var properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        var started = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<String, Object>(config),
                properties);
        started.setCommonErrorHandler(new ParleyErrorHandler((record, failure) -> deadLettered.add(record),
                new FixedBackOff(0L, 1L), PROPERTIES, failures));
        started.start();
        return started;
    }

    private static KafkaProducer<String, Object> producer(String registryUrl, int timeoutMs) {
        Map<String, Object> config = serdeConfig(registryUrl, timeoutMs);
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class));
        return new KafkaProducer<>(config);
    }

    /** The services' settings (as every test client has them), with the given registry timeout and one quick retry. */
    private static Map<String, Object> serdeConfig(String registryUrl, int timeoutMs) {
        Map<String, Object> config = TestSerdes.config(registryUrl);
        config.putAll(Map.of(BoundedSchemaResolver.TIMEOUT_MS, timeoutMs,
                "apicurio.registry.retry-count", 1,
                "apicurio.registry.retry-backoff-ms", 100));
        return config;
    }

    private static UsageRecorded usage() {
        return UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString()).setUserId("u-" + UUID.randomUUID()).setProvider("mock")
                .setModel("mock-1").setInputTokens(3).setOutputTokens(4).setSource(UsageSource.PROVIDER_REPORTED)
                .setOutcome(CallOutcome.COMPLETED).setRecordedAt(Instant.now().truncatedTo(
                        java.time.temporal.ChronoUnit.MILLIS)).build();
    }
}
