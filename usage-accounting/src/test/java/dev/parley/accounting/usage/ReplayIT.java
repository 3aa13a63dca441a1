package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Refill;
import dev.parley.accounting.grant.RefillService;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Invariant: replaying usage.recorded from offset 0 leaves every balance unchanged, with priced models, settled
 * reservations, grants and refills in the history, and the usage buckets unchanged too.
 */
class ReplayIT extends IntegrationTest {

    private static final String GROUP = "usage-accounting";

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RefillService refills;
    @Autowired
    AccountRepository accountRepository;
    @LocalServerPort
    int port;

    private UsageTopic topic;

    @BeforeEach
    void topic() {
        topic = new UsageTopic(kafka, ledger);
    }

    @Test
    void replayingTheTopicFromTheBeginningChangesNoBalance() throws Exception {
        List<UsageRecorded> events = publishUsageOfThreeUsers();
        events.addAll(publishReservedGrantedAndRefilledUsage());
        events.forEach(topic::awaitApplied);
        Map<String, Account> before = accounts();
        List<Document> bucketsBefore = buckets();
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        long ledgerEntries = mongo.count(new Query(), LedgerEntry.class);
        double duplicatesBefore = meters.counter("parley.accounting.usage.duplicates").count();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            MessageListenerContainer container = listeners.getListenerContainer(UsageRecordedListener.ID);
            container.stop();
            try {
                rewindToTheBeginning(admin);
            } finally {
                container.start();
            }
            awaitCaughtUp(admin);
        }

        assertThat(accounts()).isEqualTo(before);
        assertThat(buckets()).isEqualTo(bucketsBefore);
        assertThat(mongo.count(new Query(), LedgerEntry.class)).isEqualTo(ledgerEntries);
        assertThat(meters.counter("parley.accounting.usage.duplicates").count())
                .isGreaterThanOrEqualTo(duplicatesBefore + events.size());
    }

    private List<UsageRecorded> publishUsageOfThreeUsers() throws Exception {
        List<UsageRecorded> events = new ArrayList<>();
        for (int user = 0; user < 3; user++) {
            String userId = newUserId();
            for (int call = 1; call <= 4; call++) {
                events.add(usage(userId, 100L * call, 10L * call));
            }
        }
        for (UsageRecorded event : events) {
            topic.publish(event);
        }
        return events;
    }

    /** A settled reservation, a grant and a refill, then usage of two differently priced models. */
    private List<UsageRecorded> publishReservedGrantedAndRefilledUsage() throws Exception {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        var http = new InternalHttp(port);
        assertThat(http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"gpt-4.1","estimatedInputTokens":500,
                 "maxOutputTokens":500}""".formatted(requestId, user)).statusCode()).isEqualTo(201);
        assertThat(http.post("/internal/admin/accounts/" + user + "/grants", "{\"amount\":1234}").statusCode())
                .isEqualTo(201);
        Instant anchor = Instant.parse("2032-01-01T00:00:00Z");
        accountRepository.setRefill(user, new Refill(99, Duration.ofDays(1).toSeconds(), anchor, -1));
        refills.refillDue(anchor.plusSeconds(1));
        List<UsageRecorded> events = List.of(
                UsageEvents.builder(user, 400, 300).setRequestId(requestId).setModel("gpt-4.1").build(),
                UsageEvents.builder(user, 1_000, 10).setModel("gpt-4o-mini").setCachedInputTokens(600).build());
        for (UsageRecorded event : events) {
            topic.publish(event);
        }
        return events;
    }

    private List<Document> buckets() {
        return mongo.findAll(Document.class, "usage_buckets");
    }

    private Map<String, Account> accounts() {
        return mongo.findAll(Account.class).stream()
                .collect(Collectors.toMap(Account::userId, Function.identity()));
    }

    /** The group must be empty to be rewound; the stopped container's consumer may take a moment to leave. */
    private static void rewindToTheBeginning(Admin admin) {
        Map<TopicPartition, OffsetAndMetadata> beginning = partitions(admin).stream()
                .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0)));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.alterConsumerGroupOffsets(GROUP, beginning).all().get() == null);
    }

    private static void awaitCaughtUp(Admin admin) {
        Map<TopicPartition, OffsetSpec> latest = partitions(admin).stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var ends = admin.listOffsets(latest).all().get();
            var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() == end.getValue().offset());
        });
    }

    private static List<TopicPartition> partitions(Admin admin) {
        try {
            return admin.describeTopics(List.of(Topics.USAGE_RECORDED)).allTopicNames().get()
                    .get(Topics.USAGE_RECORDED).partitions().stream()
                    .map(info -> new TopicPartition(Topics.USAGE_RECORDED, info.partition()))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe " + Topics.USAGE_RECORDED, e);
        }
    }
}
