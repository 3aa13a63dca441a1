package dev.parley.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.parley.testing.TestInfrastructure;
import dev.parley.testing.TestSerdes;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

/**
 * Plays the other side of the topics: reads what the service publishes with the real Apicurio deserializer
 * (from the end of the topics at creation), and publishes stream events as a worker would.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;
    private final KafkaProducer<String, Object> producer;
    private final List<ConsumerRecord<String, Object>> received = new CopyOnWriteArrayList<>();
    private final Map<String, Object> readerConfig;

    public KafkaTestClient(TestInfrastructure.Endpoints infra, List<String> topicsToRead) {
        Map<String, Object> serde = TestSerdes.config(infra.registryUrl());

        Map<String, Object> consumerProps = new HashMap<>(serde);
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class);
        consumer = new KafkaConsumer<>(consumerProps);
        readerConfig = Map.copyOf(consumerProps);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsToRead) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the test publishes anything

        Map<String, Object> producerProps = new HashMap<>(serde);
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        producer = new KafkaProducer<>(producerProps);
    }

    /** Polls once and returns the first record so far (of any poll) that matches. */
    public synchronized <T> Optional<T> find(String topic, Class<T> type, Predicate<T> matching) {
        pollOnce();
        return received.stream()
                .filter(record -> record.topic().equals(topic) && type.isInstance(record.value()))
                .map(record -> type.cast(record.value()))
                .filter(matching)
                .findFirst();
    }

    /** Polls once and returns every record so far (of any poll) that matches. */
    public synchronized <T> List<T> findAll(String topic, Class<T> type, Predicate<T> matching) {
        pollOnce();
        return received.stream()
                .filter(record -> record.topic().equals(topic) && type.isInstance(record.value()))
                .map(record -> type.cast(record.value()))
                .filter(matching)
                .toList();
    }

    /**
     * A record whose schema the registry did not give in time is not skipped: the consumer stays at it and the next
     * poll reads it again, as the services' error handler retries it.
     */
    private void pollOnce() {
        try {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        } catch (RecordDeserializationException e) {
            if (!TestSerdes.registryUnavailable(e)) {
                throw e;
            }
        }
    }

    /**
     * A compacted topic's current state, read from the beginning to the end offsets of now: the newest value of each
     * key, keys whose newest record is a tombstone left out.
     */
    public synchronized Map<String, Object> latestByKey(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<String, Object> latest = new HashMap<>();
        try (var reader = new KafkaConsumer<String, Object>(readerConfig)) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> reader.position(partition) < end.get(partition))) {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                });
            }
        }
        return latest;
    }

    /** Records appended to a topic so far, on all partitions. */
    public synchronized long endOffsetSum(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    public void publish(String topic, String key, Object value) {
        publish(topic, key, value, null);
    }

    /** @param timestamp the record's timestamp in epoch millis; null: now */
    public void publish(String topic, String key, Object value, Long timestamp) {
        publish(topic, key, value, timestamp, Map.of());
    }

    /** @param headers the record's headers, UTF-8 */
    public void publish(String topic, String key, Object value, Long timestamp, Map<String, String> headers) {
        var record = new ProducerRecord<String, Object>(topic, null, timestamp, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
