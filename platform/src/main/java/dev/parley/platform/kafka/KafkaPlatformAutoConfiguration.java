package dev.parley.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

import dev.parley.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Declares the Parley topics with their dead-letter topics, and routes records that cannot be handled to
 * {@code <topic>-dlt} so that a poison record never blocks its partition. Poison records (undeserializable, events
 * marked invalid) are dead-lettered at once, with their original bytes when they could not be read; transient failures
 * (broker, registry or database unavailable, timeouts) are retried with backoff and without limit, so an outage of
 * any length dead-letters nothing; other failures get a few retries first ({@link ParleyErrorHandler}). Also watches
 * every listener's consumer ({@link ConsumerLiveness}) and reports both in the {@code kafkaConsumers} health component.
 */
@AutoConfiguration
@EnableConfigurationProperties(ParleyKafkaProperties.class)
public class KafkaPlatformAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics parleyTopics(ParleyKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic(topic, properties));
            topics.add(topic(Topics.deadLetterOf(topic), properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler parleyErrorHandler(DeadLetterPublishingRecoverer parleyDeadLetterRecoverer,
            ParleyKafkaProperties properties, TransientFailures transientFailures) {
        return new ParleyErrorHandler(parleyDeadLetterRecoverer, boundedBackOff(properties), properties,
                transientFailures);
    }

    /**
     * Sends a record to {@code <topic>-dlt} (same key, Spring's {@code kafka_dlt-*} headers saying where it came from
     * and why), and fails when the broker did not take it. Also used directly by services that give up on a record
     * outside a listener (llm-worker, an answer it could not publish).
     */
    @Bean
    DeadLetterPublishingRecoverer parleyDeadLetterRecoverer(KafkaTemplate<Object, Object> kafkaTemplate,
            KafkaProperties kafkaProperties, ObjectProvider<MeterRegistry> meters) {
        DeadLetterCounter deadLetters = new DeadLetterCounter(meters.getIfAvailable());
        return new DeadLetterPublishingRecoverer(templatesByValueType(kafkaTemplate, kafkaProperties),
                (record, exception) -> {
                    String deadLetterTopic = Topics.deadLetterOf(record.topic());
                    deadLetters.increment(deadLetterTopic);
                    return new TopicPartition(deadLetterTopic, -1);
                });
    }

    /** The backoff of failures that are neither transient nor poison: a few retries, then the recoverer. */
    public static BackOff boundedBackOff(ParleyKafkaProperties properties) {
        var backOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
        backOff.setInitialInterval(properties.retryInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
        return backOff;
    }

    @Bean
    TransientFailures transientFailures(ParleyKafkaProperties properties, ObjectProvider<MeterRegistry> meters) {
        // longer than the longest pause between two attempts plus one attempt's own wait on the dependency
        Duration window = properties.transientMaxRetryInterval().multipliedBy(2).plusSeconds(30);
        return new TransientFailures(window, Clock.systemUTC(), meters.getIfAvailable());
    }

    @Bean
    ConsumerLiveness consumerLiveness(ParleyKafkaProperties properties, KafkaProperties kafkaProperties,
            ObjectProvider<MeterRegistry> meters) {
        Duration monitorInterval = Optional.ofNullable(kafkaProperties.getListener().getMonitorInterval())
                .orElse(Duration.ofSeconds(30));
        return new ConsumerLiveness(monitorInterval.multipliedBy(2).plusSeconds(5),
                properties.restartStalledConsumers(), Clock.systemUTC(), meters.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class ConsumerHealthConfiguration {

        @Bean
        AbstractHealthIndicator kafkaConsumersHealthIndicator(KafkaListenerEndpointRegistry registry,
                ConsumerLiveness liveness, TransientFailures failures) {
            return new KafkaConsumersHealthIndicator(registry, liveness, failures);
        }
    }

    /** Raw bytes (failed deserialization) go out unchanged; deserialized events go out as Avro again. */
    private static Map<Class<?>, KafkaOperations<?, ?>> templatesByValueType(KafkaTemplate<Object, Object> avroTemplate,
            KafkaProperties kafkaProperties) {
        var bytesFactory = new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties(),
                new StringSerializer(), new ByteArraySerializer());
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(bytesFactory));
        templates.put(Object.class, avroTemplate);
        return templates;
    }

    /**
     * The largest record of {@code chat.requests} (and its dead-letter topic): a request may carry images for a
     * vision model, which api-ingress bounds (4 images of at most 1 MiB, plus a context of at most 200,000
     * characters: under 5 MiB); other topics keep the broker's 1 MB default.
     */
    public static final int MAX_REQUEST_RECORD_BYTES = 8 * 1024 * 1024;

    /** {@code min.compaction.lag.ms} of {@code catalog.prices}: one hour. */
    static final long PRICE_COMPACTION_LAG_MS = 60 * 60 * 1000L;

    private static NewTopic topic(String name, ParleyKafkaProperties properties) {
        TopicBuilder topic = TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor());
        if (name.equals(Topics.CHAT_REQUESTS) || name.equals(Topics.deadLetterOf(Topics.CHAT_REQUESTS))) {
            topic.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_REQUEST_RECORD_BYTES));
        }
        if (name.equals(Topics.CATALOG_PRICES)) {
            // the current price of every model, read from the beginning: only the newest record of a key matters
            topic.compact();
            // a price replaced or removed stays readable for an hour (longer than a reservation lives), so that an
            // accounting instance starting meanwhile still prices the usage of requests admitted before the change
            topic.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(PRICE_COMPACTION_LAG_MS));
        }
        return topic.build();
    }
}
