package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;

/** Invariant: a poison record goes to usage.recorded-dlt and never blocks its partition. */
class UsageDeadLetterIT extends IntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;

    private UsageTopic topic;

    @BeforeEach
    void topic() {
        topic = new UsageTopic(kafka, ledger);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsBytesAndDoesNotBlockThePartition() throws Exception {
        String user = newUserId();
        byte[] garbage = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UsageRecorded valid = usage(user, 7, 3);

        try (var producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.USAGE_RECORDED, user, garbage)).get(10, TimeUnit.SECONDS);
        }
        publish(valid);

        assertThat(awaitApplied(valid).balance()).isEqualTo(STARTING_BALANCE - 10);
        assertThat(awaitDeadLetter(user)).extracting(ConsumerRecord::value).anySatisfy(
                value -> assertThat(value).isEqualTo(garbage));
    }

    @Test
    void anEventThatCanNeverBeAppliedIsDeadLetteredWithoutTouchingTheAccount() throws Exception {
        String user = newUserId();
        UsageRecorded negative = usage(user, -5, 3);
        UsageRecorded valid = usage(user, 1, 1);

        publish(negative);
        publish(valid);

        assertThat(awaitApplied(valid).balance()).isEqualTo(STARTING_BALANCE - 2);
        assertThat(ledger.find(negative.getEventId())).isEmpty();
        assertThat(awaitDeadLetter(user)).hasSize(1);
    }

    @Test
    void aPoisonRecordBetweenValidOnesIsDeadLetteredAloneAndItsNeighboursApplied() throws Exception {
        String user = newUserId();
        UsageRecorded before = usage(user, 5, 5);
        UsageRecorded poison = usage(user, -1, 1);
        UsageRecorded after = usage(user, 2, 2);

        // sent together, so that the consumer most likely gets them in one poll
        for (UsageRecorded event : List.of(before, poison, after)) {
            kafka.send(Topics.USAGE_RECORDED, user, event);
        }
        kafka.flush();

        topic.awaitApplied(before);
        assertThat(awaitApplied(after).balance()).isEqualTo(STARTING_BALANCE - 14);
        assertThat(ledger.find(poison.getEventId())).isEmpty();
        assertThat(awaitDeadLetter(user)).hasSize(1);
    }

    private void publish(UsageRecorded event) throws Exception {
        topic.publish(event);
    }

    private Account awaitApplied(UsageRecorded event) {
        topic.awaitApplied(event);
        return accounts.find(event.getUserId()).orElseThrow();
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The dead-lettered records keyed by this user, once there are any. */
    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetter(String user) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.USAGE_RECORDED)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (user.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found;
    }
}
