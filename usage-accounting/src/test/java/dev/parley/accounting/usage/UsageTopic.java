package dev.parley.accounting.usage;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;

/** Publishes usage the way llm-worker does (Apicurio Avro, keyed by user id) and waits for it to be applied. */
final class UsageTopic {

    private final KafkaTemplate<Object, Object> kafka;
    private final LedgerRepository ledger;

    UsageTopic(KafkaTemplate<Object, Object> kafka, LedgerRepository ledger) {
        this.kafka = kafka;
        this.ledger = ledger;
    }

    void publish(UsageRecorded event) throws Exception {
        kafka.send(Topics.USAGE_RECORDED, event.getUserId(), event).get(10, TimeUnit.SECONDS);
    }

    void awaitApplied(UsageRecorded event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(event.getEventId())
                .map(entry -> entry.state() == LedgerState.APPLIED).orElse(false));
    }
}
