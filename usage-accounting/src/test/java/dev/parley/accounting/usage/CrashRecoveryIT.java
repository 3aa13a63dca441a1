package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountDebit;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.EventIdGuard;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.report.UsageBuckets;
import dev.parley.events.UsageRecorded;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The states a crash can leave behind between the steps of the debit protocol, set up directly in MongoDB, then
 * the record's redelivery: each ends with exactly one debit.
 */
class CrashRecoveryIT extends IntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    UsageAccountingService accounting;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    UsageBuckets buckets;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void crashAfterTheLedgerEntryBeforeTheDebit() throws Exception {
        UsageRecorded event = usage(newUserId(), 250, 50);
        assertThat(ledger.insertPending(pendingEntry(event))).isTrue();

        redeliver(event);

        assertThat(accounts.find(event.getUserId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 300);
        assertThat(ledger.find(event.getEventId()).orElseThrow().balanceAfter()).isEqualTo(STARTING_BALANCE - 300);
    }

    @Test
    void crashAfterTheDebitBeforeTheLedgerEntryWasMarkedApplied() throws Exception {
        UsageRecorded event = usage(newUserId(), 250, 50);
        assertThat(ledger.insertPending(pendingEntry(event))).isTrue();
        accounts.open(event.getUserId());
        assertThat(accounts.debit(epoch(event.getUserId()), debitOf(event))).isPresent();

        redeliver(event);

        var account = accounts.find(event.getUserId()).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 300);
        assertThat(account.debitedTokens()).isEqualTo(300);
        assertThat(account.inputTokens()).isEqualTo(250);
        assertThat(ledger.find(event.getEventId()).orElseThrow().balanceAfter()).isEqualTo(STARTING_BALANCE - 300);
    }

    @Test
    void aSecondDebitOfTheSameEventMatchesNothing() {
        UsageRecorded event = usage(newUserId(), 40, 2);
        accounts.open(event.getUserId());

        assertThat(accounts.debit(epoch(event.getUserId()), debitOf(event))).isPresent();
        assertThat(accounts.debit(epoch(event.getUserId()), debitOf(event))).isEmpty();

        assertThat(accounts.find(event.getUserId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 42);
    }

    @Test
    void aStalledConsumerThatFinishesAfterItsSuccessorCannotDebitTwice() {
        String user = newUserId();
        UsageRecorded first = usage(user, 100, 0);
        RecordedUsage second = UsageEvents.recorded(user, 20, 0, false);
        // the stalled consumer wrote step 1, then lost the partition; its successor redelivers and moves on
        ledger.insertPending(pendingEntry(first));
        accounting.apply(recordedOf(first));
        accounting.apply(second);

        // the stalled consumer wakes up and runs step 2
        assertThat(accounts.debit(0, debitOf(first))).isEmpty();

        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 120);
    }

    @Test
    void crashAfterEveryWriteBeforeTheOffsetCommitDebitsOnce() throws Exception {
        UsageRecorded event = usage(newUserId(), 70, 30);
        // the first delivery wrote everything, then the process died before committing the offset
        accounting.apply(recordedOf(event));

        redeliverAndAwaitSkipped(event);

        assertThat(accounts.find(event.getUserId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 100);
        assertThat(bucketRequests(event)).isEqualTo(1);
    }

    @Test
    void crashAfterTheSettlingDebitAndTheBucketsReleasesAndDebitsOnce() throws Exception {
        String user = newUserId();
        UsageRecorded event = UsageEvents.builder(user, 250, 50).setModel("mock-1").build();
        Reservation reservation = new Reservation(event.getRequestId(), user, "mock-1", 1_000, Instant.now(),
                Instant.now().plusSeconds(900));
        accounts.open(user);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(user)), new Update().push("reservations", reservation)
                .inc("reserved", 1_000).inc("available", -1_000).inc("reservationCount", 1), Account.class);
        LedgerEntry pending = pendingEntry(event);
        assertThat(ledger.insertPending(pending)).isTrue();
        assertThat(accounts.debit(epoch(user), new AccountDebit(user, event.getEventId(), event.getRequestId(), 300,
                250, 50, 300, reservation))).isPresent();
        buckets.add(pending, null);

        redeliver(event);

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 300);
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE - 300);
        assertThat(account.reservations()).isEmpty();
        assertThat(bucketRequests(event)).isEqualTo(1);
    }

    @Test
    void aStalledConsumerCannotDebitTwiceAfterItsIdsWereTrimmed() {
        String user = newUserId();
        UsageRecorded first = usage(user, 100, 0);
        // what the stalled consumer knew of the account before it wrote step 1: a fresh account, epoch 0
        long stalledEpoch = accounts.open(user).eventEpoch();
        ledger.insertPending(pendingEntry(first));
        // its successor applies the record and enough after it that the account's ids are trimmed
        accounting.apply(recordedOf(first));
        List<RecordedUsage> later = smallUsages(user, EventIdGuard.TRIM_AFTER);
        accounting.applyAll(later);
        Account trimmed = accounts.find(user).orElseThrow();
        assertThat(trimmed.eventEpoch()).isPositive();
        assertThat(trimmed.recentEventIds()).doesNotContain(first.getEventId())
                .hasSizeLessThan(EventIdGuard.TRIM_AFTER);

        // the stalled consumer wakes up with the epoch it knew: its write matches nothing
        assertThat(accounts.debit(stalledEpoch, debitOf(first))).isEmpty();
        // and a replay of all of it finds every entry APPLIED
        accounting.apply(recordedOf(first));
        accounting.applyAll(later);

        assertThat(accounts.find(user).orElseThrow().balance())
                .isEqualTo(STARTING_BALANCE - 100 - EventIdGuard.TRIM_AFTER);
    }

    @Test
    void aKillBetweenDebitAndMarkIsDebitedOnceHoweverManyDebitsFollowBeforeTheRedelivery() throws Exception {
        String user = newUserId();
        UsageRecorded first = usage(user, 100, 0);
        // killed between step 2 and step 4: debited, entry PENDING
        assertThat(ledger.insertPending(pendingEntry(first))).isTrue();
        assertThat(accounts.debit(accounts.open(user).eventEpoch(), debitOf(first))).isPresent();
        // other records of the account (an organisation's other members) are applied and trimmed meanwhile
        accounting.applyAll(smallUsages(user, 3 * EventIdGuard.TRIM_AFTER));
        Account trimmed = accounts.find(user).orElseThrow();
        assertThat(trimmed.eventEpoch()).isPositive();
        // an id whose entry is not APPLIED is never trimmed
        assertThat(trimmed.recentEventIds()).contains(first.getEventId());

        redeliver(first);

        assertThat(ledger.find(first.getEventId()).orElseThrow().state()).isEqualTo(LedgerState.APPLIED);
        assertThat(accounts.find(user).orElseThrow().balance())
                .isEqualTo(STARTING_BALANCE - 100 - 3 * EventIdGuard.TRIM_AFTER);
    }

    private static List<RecordedUsage> smallUsages(String user, int count) {
        List<RecordedUsage> usages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            usages.add(UsageEvents.recorded(user, 1, 0, false));
        }
        return usages;
    }

    private long epoch(String user) {
        return accounts.find(user).orElseThrow().eventEpoch();
    }

    private long bucketRequests(UsageRecorded event) {
        return mongo.find(Query.query(Criteria.where("userId").is(event.getUserId()).and("period").is("DAY")),
                Document.class, "usage_buckets").stream()
                .mapToLong(bucket -> ((Number) bucket.get("requests")).longValue()).sum();
    }

    private void redeliverAndAwaitSkipped(UsageRecorded event) throws Exception {
        double before = meters.counter("parley.accounting.usage.duplicates").count();
        new UsageTopic(kafka, ledger).publish(event);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("parley.accounting.usage.duplicates").count() > before);
    }

    private void redeliver(UsageRecorded event) throws Exception {
        var topic = new UsageTopic(kafka, ledger);
        topic.publish(event);
        topic.awaitApplied(event);
    }

    /** What step 1 of the first delivery wrote. */
    private static LedgerEntry pendingEntry(UsageRecorded event) {
        return new LedgerEntry(event.getEventId(), LedgerType.DEBIT, event.getUserId(), event.getUserId(),
                event.getRequestId(), null, event.getProvider(), event.getModel(),
                new LedgerTokens(event.getInputTokens(), event.getOutputTokens(), 0, 0), event.getSource().name(),
                event.getOutcome().name(), false, event.getInputTokens() + event.getOutputTokens(), 0,
                LedgerState.PENDING, null, event.getRecordedAt(), Instant.now(), null, null);
    }

    private static AccountDebit debitOf(UsageRecorded event) {
        return new AccountDebit(event.getUserId(), event.getEventId(), event.getRequestId(),
                event.getInputTokens() + event.getOutputTokens(), event.getInputTokens(), event.getOutputTokens(),
                event.getInputTokens() + event.getOutputTokens(), null);
    }

    private static RecordedUsage recordedOf(UsageRecorded event) {
        return new RecordedUsage(event.getEventId(), event.getRequestId(), event.getUserId(), null,
                event.getProvider(), event.getModel(), event.getInputTokens(), event.getOutputTokens(), 0, 0,
                event.getSource().name(), event.getOutcome().name(), false, event.getRecordedAt(), null);
    }
}
