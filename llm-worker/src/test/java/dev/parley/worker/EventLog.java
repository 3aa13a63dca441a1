package dev.parley.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatStreamKinds;
import dev.parley.events.ChatStreamed;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.testing.TestInfrastructure;
import dev.parley.testing.TestSerdes;

/**
 * Everything the worker published, read back the way other services read it: a plain consumer with the real
 * Apicurio deserializer, configured like {@code parley-kafka.yml}. Dead letters are kept as raw bytes.
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<Object> avro = new AvroKafkaDeserializer<>();
    private final List<ChatStreamed> stream = new CopyOnWriteArrayList<>();
    // the ChatStreamKinds header of each record of stream (none: not in the map)
    private final Map<ChatStreamed, String> kinds = new ConcurrentHashMap<>();
    private final List<UsageRecorded> usage = new CopyOnWriteArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;

    EventLog(TestInfrastructure.Endpoints infra) {
        avro.configure(TestSerdes.config(infra.registryUrl()), false);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "worker-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CHAT_STREAM, Topics.USAGE_RECORDED, Topics.deadLetterOf(Topics.CHAT_REQUESTS)));
        poller = Thread.ofPlatform().name("event-log").daemon().start(this::poll);
    }

    /** The request's stream events in the order they sit on their partition. */
    List<ChatStreamed> stream(String requestId) {
        return stream.stream().filter(event -> event.getRequestId().equals(requestId)).toList();
    }

    /** The {@link ChatStreamKinds#HEADER} of the record an event came in ("" when it had none). */
    String kind(ChatStreamed event) {
        return kinds.getOrDefault(event, "");
    }

    List<UsageRecorded> usage(String requestId) {
        return usage.stream().filter(event -> event.getRequestId().equals(requestId)).toList();
    }

    Optional<ChatStreamed> terminal(String requestId) {
        return stream(requestId).stream()
                .filter(event -> event.getPayload() instanceof ChatCompleted || event.getPayload() instanceof ChatFailed)
                .findFirst();
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return deadLetters.stream().filter(record -> key.equals(record.key())).toList();
    }

    private void poll() {
        try {
            while (open) {
                Set<TopicPartition> retrying = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (!retrying.contains(partition) && !kept(record)) {
                        // its schema could not be looked up just now: read the partition again from this record
                        consumer.seek(partition, record.offset());
                        retrying.add(partition);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** False when the record could not be read only because the registry did not answer in time. */
    private boolean kept(ConsumerRecord<String, byte[]> record) {
        try {
            keep(record);
            return true;
        } catch (RuntimeException e) {
            if (TestSerdes.registryUnavailable(e)) {
                return false;
            }
            throw e;
        }
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        switch (record.topic()) {
            case Topics.CHAT_STREAM -> {
                var event = (ChatStreamed) avro.deserialize(record.topic(), record.headers(), record.value());
                Header kind = record.headers().lastHeader(ChatStreamKinds.HEADER);
                if (kind != null) {
                    kinds.put(event, new String(kind.value(), StandardCharsets.UTF_8));
                }
                stream.add(event);
            }
            case Topics.USAGE_RECORDED -> usage.add((UsageRecorded) avro.deserialize(record.topic(), record.headers(),
                    record.value()));
            default -> deadLetters.add(record);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }
}
