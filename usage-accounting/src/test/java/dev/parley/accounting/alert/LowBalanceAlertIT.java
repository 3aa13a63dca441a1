package dev.parley.accounting.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.balance.BalanceService;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.BalanceThresholdCrossed;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import dev.parley.testing.TestSerdes;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/** A low-balance event on balance.alerts once per downward crossing, read with the real Apicurio deserializer. */
class LowBalanceAlertIT extends IntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    BalanceService balances;

    @Test
    void publishesOncePerCrossingAndAgainAfterTheBalanceRoseAboveTheThreshold() throws Exception {
        String user = newUserId();
        balances.setBalance(user, 1_500, "ADMIN");
        UsageRecorded crossing = usage(user, 600);
        apply(crossing);
        apply(crossing);
        apply(usage(user, 100));
        balances.setBalance(user, 5_000, "ADMIN");
        apply(usage(user, 4_500));
        // crosses 0; 1,000 was alerted and not re-armed since
        balances.setBalance(user, 0, "ADMIN");

        List<BalanceThresholdCrossed> alerts = awaitAlerts(user, 3);

        assertThat(alerts).extracting(BalanceThresholdCrossed::getThreshold).containsExactly(1_000L, 1_000L, 0L);
        assertThat(alerts).extracting(BalanceThresholdCrossed::getBalance).containsExactly(900L, 500L, 0L);
        assertThat(alerts).extracting(BalanceThresholdCrossed::getEventId).doesNotHaveDuplicates();
    }

    private void apply(UsageRecorded usage) throws Exception {
        kafka.send(Topics.USAGE_RECORDED, usage.getUserId(), usage).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());
    }

    /** Waits for {@code count} alerts, then for one more poll, so that a surplus alert would be seen. */
    private static List<BalanceThresholdCrossed> awaitAlerts(String user, int count) {
        List<BalanceThresholdCrossed> found = new ArrayList<>();
        Map<String, Object> config = TestSerdes.config(INFRA.registryUrl());
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alert-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // configured by the consumer from these properties, as the services' deserializer is
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class));
        try (var consumer = new KafkaConsumer<String, Object>(config)) {
            consumer.subscribe(List.of(Topics.BALANCE_ALERTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (user.equals(record.key())) {
                        found.add((BalanceThresholdCrossed) record.value());
                    }
                });
                return found.size() >= count;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (user.equals(record.key())) {
                    found.add((BalanceThresholdCrossed) record.value());
                }
            });
        }
        return found;
    }

    private static UsageRecorded usage(String user, long outputTokens) {
        return UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString()).setUserId(user).setProvider("mock").setModel("mock-1")
                .setInputTokens(0).setOutputTokens(outputTokens).setSource(UsageSource.PROVIDER_REPORTED)
                .setOutcome(CallOutcome.COMPLETED).setRecordedAt(Instant.now()).build();
    }
}
