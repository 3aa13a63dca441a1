package dev.parley.stack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./parley dlt list} and {@code ./parley dlt replay <topic>}: sends the records of {@code <topic>-dlt} back to
 * the topic they came from, byte for byte (key, value and headers, minus Spring's {@code kafka_dlt-*} diagnostics), so
 * that the services process them again once whatever made them fail is fixed. Replaying is safe because every
 * consumer is idempotent (usage by event id, answers by request id). Progress is the consumer group
 * {@value #GROUP}: a record is replayed once, and a second replay sends only what was dead-lettered since.
 */
public final class DltReplay {

    static final String GROUP = "parley-dlt-replay";
    static final String SUFFIX = "-dlt";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final PrintStream out;

    DltReplay(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "9092"));
        var replay = new DltReplay(bootstrap, System.out);
        if (args.length == 1 && args[0].equals("list")) {
            replay.list();
        } else if (args.length >= 2 && args[0].equals("replay")) {
            replay.replay(args[1], args.length > 2 && args[2].equals("--dry-run"));
        } else {
            System.err.println("usage: parley dlt list | parley dlt replay <topic> [--dry-run]");
            System.exit(2);
        }
    }

    /** Prints every dead-letter topic with the records not replayed yet. */
    void list() throws Exception {
        try (Admin admin = admin()) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(SUFFIX)).sorted().toList();
            Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            try (var consumer = consumer()) {
                for (String topic : topics) {
                    long pending = 0;
                    long total = 0;
                    for (var end : consumer.endOffsets(partitions(consumer, topic)).entrySet()) {
                        OffsetAndMetadata done = replayed.get(end.getKey());
                        long start = consumer.beginningOffsets(List.of(end.getKey())).get(end.getKey());
                        total += end.getValue() - start;
                        pending += end.getValue() - Math.max(start, done == null ? 0 : done.offset());
                    }
                    out.printf("%-32s %8d records, %8d not replayed yet%n", topic, total, pending);
                }
            }
        }
    }

    /**
     * Replays {@code topic}'s dead letters that arrived before this call.
     *
     * @param topic the original topic or its dead-letter topic
     * @return the records sent, per target topic
     */
    Map<String, Integer> replay(String topic, boolean dryRun) {
        String dlt = topic.endsWith(SUFFIX) ? topic : topic + SUFFIX;
        Map<String, Integer> sent = new TreeMap<>();
        try (var consumer = consumer(); var producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, dlt);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // from the group's committed offsets, or from the beginning (auto.offset.reset) the first time
            consumer.assign(partitions);
            Map<TopicPartition, Long> next = new HashMap<>();
            while (!reachedEnd(consumer, partitions, ends)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    String target = target(record, dlt);
                    if (!dryRun) {
                        producer.send(new ProducerRecord<>(target, null, record.key(), record.value(),
                                withoutDltHeaders(record)));
                    }
                    sent.merge(target, 1, Integer::sum);
                    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
            }
            if (!dryRun && !next.isEmpty()) {
                producer.flush();
                Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
                next.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
                consumer.commitSync(commits);
            }
        }
        out.printf("%s %s: %s%n", dryRun ? "Would replay" : "Replayed", dlt, sent.isEmpty() ? "nothing" : sent);
        return sent;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static String target(ConsumerRecord<byte[], byte[]> record, String dlt) {
        Header original = record.headers().lastHeader(ORIGINAL_TOPIC);
        return original != null ? new String(original.value(), StandardCharsets.UTF_8)
                : dlt.substring(0, dlt.length() - SUFFIX.length());
    }

    private static RecordHeaders withoutDltHeaders(ConsumerRecord<byte[], byte[]> record) {
        var headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
