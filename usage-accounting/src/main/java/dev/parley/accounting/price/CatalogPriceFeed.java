package dev.parley.accounting.price;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;
import dev.parley.platform.kafka.FailureKind;
import dev.parley.platform.kafka.Failures;
import dev.parley.platform.retry.Backoff;

/**
 * Reads the catalog's compacted {@code catalog.prices} into the {@link PriceBook}: every partition from the beginning
 * (no consumer group: every instance needs every price, and commits nothing), then follows it for as long as the
 * service runs. The book counts as loaded once the consumer's position has reached the end offsets taken at startup;
 * startup waits for that up to {@code parley.accounting.prices.startup-wait} (before the listeners and the web server
 * start), and whatever comes earlier is retried or refused, never priced from a partial table. A failure to reach the
 * broker or the registry is retried with backoff at the same position; a record that can never be read is logged,
 * counted ({@code parley.accounting.prices.unreadable}) and skipped, and so is a record with a negative price.
 */
@Component
class CatalogPriceFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogPriceFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final PriceBook book;
    private final KafkaProperties kafka;
    private final PriceProperties properties;
    private final Counter unreadable;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, ModelPriced> consumer;
    private Thread thread;

    CatalogPriceFeed(PriceBook book, KafkaProperties kafka, PriceProperties properties, MeterRegistry meters) {
        this.book = book;
        this.kafka = kafka;
        this.properties = properties;
        this.unreadable = Counter.builder("parley.accounting.prices.unreadable")
                .description("Records of catalog.prices that could not be read and were skipped").register(meters);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("catalog-prices").daemon().start(this::run);
        try {
            if (!loaded.await(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Prices: {} not read to its end within {}; usage waits and reservations are refused until it is",
                        Topics.CATALOG_PRICES, properties.startupWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, ModelPriced> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers and the web server: they need the prices. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (KafkaConsumer<String, ModelPriced> created = create()) {
                consumer = created;
                follow(created);
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Duration delay = backoff.delay(++failures);
                log.warn("Prices: reading {} failed, again in {}: {}", Topics.CATALOG_PRICES, delay, e.toString());
                sleep(delay);
            }
        }
    }

    private void follow(KafkaConsumer<String, ModelPriced> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG_PRICES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int failures = 0;
        while (running) {
            try {
                for (ConsumerRecord<String, ModelPriced> record : consumer.poll(POLL)) {
                    apply(record);
                }
                failures = 0;
            } catch (RecordDeserializationException e) {
                failures = unreadable(consumer, e, failures);
            }
            if (!book.loaded() && reached(consumer, end)) {
                book.markLoaded();
                loaded.countDown();
                log.info("Prices: read {} to its end, {} models priced, default price {}", Topics.CATALOG_PRICES,
                        book.prices().size(), book.defaultPrice().map(Object::toString).orElse("none"));
            }
        }
    }

    /** A record no price can be made of (a negative amount) is skipped like an unreadable one, never retried. */
    private void apply(ConsumerRecord<String, ModelPriced> record) {
        try {
            book.apply(record.key(), record.value());
        } catch (IllegalArgumentException invalid) {
            log.error("Prices: {}-{} offset {} is not a valid price, skipped: {}", record.topic(), record.partition(),
                    record.offset(), invalid.getMessage());
            unreadable.increment();
        }
    }

    /** A transient failure (registry away) is retried at the same position; anything else is skipped. */
    private int unreadable(KafkaConsumer<String, ModelPriced> consumer, RecordDeserializationException e,
            int failures) {
        if (Failures.classify(e) == FailureKind.TRANSIENT) {
            Duration delay = backoff.delay(failures + 1);
            log.warn("Prices: {} offset {} not readable now, again in {}: {}", e.topicPartition(), e.offset(), delay,
                    e.toString());
            sleep(delay);
            consumer.seek(e.topicPartition(), e.offset());
            return failures + 1;
        }
        log.error("Prices: {} offset {} can never be read, skipped: {}", e.topicPartition(), e.offset(), e.toString());
        unreadable.increment();
        consumer.seek(e.topicPartition(), e.offset() + 1);
        return 0;
    }

    private static boolean reached(KafkaConsumer<String, ModelPriced> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey())
                >= partition.getValue());
    }

    private KafkaConsumer<String, ModelPriced> create() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "usage-accounting-prices-" + ProcessHandle.current().pid());
        AvroKafkaDeserializer<ModelPriced> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
