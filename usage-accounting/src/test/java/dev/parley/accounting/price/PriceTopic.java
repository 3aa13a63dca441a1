package dev.parley.accounting.price;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;
import dev.parley.testing.TestInfrastructure;
import dev.parley.testing.TestSerdes;

/** Publishes prices on catalog.prices the way api-ingress's catalog does, and waits for accounting to hold them. */
public final class PriceTopic {

    /** One credit per token of every kind: the catalog's default price, and the mock models' price. */
    public static final ModelPrice ONE_CREDIT_PER_TOKEN = new ModelPrice(1_000_000, 1_000_000, 1_000_000);

    private PriceTopic() {
    }

    /** @param price null for a tombstone (the model left the catalog) */
    public static void publish(TestInfrastructure.Endpoints infra, String model, ModelPrice price) {
        publishRecord(infra, model,
                price == null ? null : priced(model, price.input(), price.output(), price.cachedInput()));
    }

    /** The record the catalog would publish for these prices, valid or not. */
    static ModelPriced priced(String model, long input, long output, long cachedInput) {
        return ModelPriced.newBuilder().setModel(model)
                .setProvider(Topics.DEFAULT_PRICE_KEY.equals(model) ? null : "test").setInput(input)
                .setOutput(output).setCachedInput(cachedInput).setPricedAt(Instant.now()).build();
    }

    /** @param value null for a tombstone */
    static void publishRecord(TestInfrastructure.Endpoints infra, String model, ModelPriced value) {
        createTopic(infra);
        Map<String, Object> config = TestSerdes.config(infra.registryUrl());
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class));
        try (var producer = new KafkaProducer<String, Object>(config)) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_PRICES, model, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the price of " + model, e);
        }
    }

    /** As the services declare it (platform), when no service has yet: a test may publish before one starts. */
    static void createTopic(TestInfrastructure.Endpoints infra) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG_PRICES, 6, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the price and waits until the book prices the model with it. */
    public static void publishAndAwait(TestInfrastructure.Endpoints infra, PriceBook book, String model,
            ModelPrice price) {
        publish(infra, model, price);
        await().atMost(Duration.ofSeconds(30)).until(() -> Optional.ofNullable(book.prices().get(model))
                .filter(price::equals).isPresent());
    }
}
