package dev.parley.accounting.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountDebit;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.report.UsageBuckets;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.platform.kafka.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The batched debit protocol: a poll's usages are written with one bulk per step and one update per paying account,
 * and each usage is still debited exactly once whatever the batch holds and wherever a crash cut it.
 */
class UsageBatchIT extends IntegrationTest {

    @Autowired
    UsageAccountingService accounting;
    @Autowired
    UsageRecordedListener listener;
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
    void aBatchWithDuplicatesOfAppliedUsageDebitsOnlyTheNewOnes() {
        String user = newUserId();
        RecordedUsage first = usage(user, 10);
        RecordedUsage second = usage(user, 20);
        RecordedUsage third = usage(user, 40);
        RecordedUsage fourth = usage(user, 80);
        accounting.applyAll(List.of(first, second));
        double duplicates = duplicates();

        accounting.applyAll(List.of(first, third, second, fourth, third));

        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 150);
        assertThat(duplicates() - duplicates).isEqualTo(3);
        assertThat(balancesAfter(first, second, third, fourth)).containsExactly(STARTING_BALANCE - 10,
                STARTING_BALANCE - 30, STARTING_BALANCE - 70, STARTING_BALANCE - 150);
        assertThat(dayBucketRequests(user)).isEqualTo(4);
    }

    @Test
    void eachStepOfABatchIsTimed() {
        List<String> steps = List.of("price", "ledger", "debits", "buckets", "marks", "trims");
        Map<String, Long> before = steps.stream().collect(Collectors.toMap(step -> step, this::stepCount));

        accounting.applyAll(List.of(usage(newUserId(), 3), usage(newUserId(), 5)));

        // the listener may time batches of its own meanwhile: at least this one was timed
        assertThat(steps).allSatisfy(step -> assertThat(stepCount(step)).isGreaterThan(before.get(step)));
    }

    private long stepCount(String step) {
        Timer timer = meters.find("parley.accounting.batch.step").tag("step", step).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aPoisonRecordInTheMiddleFailsTheBatchAtItsPositionAfterApplyingTheRecordsBeforeIt() {
        String user = newUserId();
        UsageRecorded before = UsageEvents.usage(user, 7, 3);
        UsageRecorded poison = UsageEvents.usage(user, -5, 3);
        UsageRecorded after = UsageEvents.usage(user, 1, 1);
        List<ConsumerRecord<String, UsageRecorded>> poll = List.of(record(0, before), record(1, poison),
                record(2, after));

        assertThatThrownBy(() -> listener.on(poll)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed).hasCauseInstanceOf(InvalidEventException.class);
                });

        // the error handler commits what is before the index, dead-letters the poison record and redelivers the rest
        assertThat(ledger.find(before.getEventId()).orElseThrow().state()).isEqualTo(LedgerState.APPLIED);
        assertThat(ledger.find(poison.getEventId())).isEmpty();
        assertThat(ledger.find(after.getEventId())).isEmpty();
        listener.on(List.of(record(2, after)));
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 12);
    }

    @Test
    void aCrashBetweenTheBulkStepsIsRecoveredByTheRedeliveryWithEachUsageDebitedOnce() {
        String user = newUserId();
        RecordedUsage pendingOnly = usage(user, 1);
        RecordedUsage debitedNotBucketed = usage(user, 2);
        RecordedUsage bucketedNotMarked = usage(user, 4);
        RecordedUsage fresh = usage(user, 8);
        // the first delivery of the first three: step 1 for all, step 2 for the last two, step 3 for the last one
        List<LedgerEntry> pending = List.of(entryOf(pendingOnly), entryOf(debitedNotBucketed),
                entryOf(bucketedNotMarked));
        assertThat(ledger.insertPendingAll(pending)).isEmpty();
        long epoch = accounts.open(user).eventEpoch();
        assertThat(accounts.debitAll(user, epoch, List.of(debitOf(debitedNotBucketed), debitOf(bucketedNotMarked))))
                .isPresent();
        buckets.addAll(List.of(pending.get(2)), entry -> null);

        accounting.applyAll(List.of(pendingOnly, debitedNotBucketed, bucketedNotMarked, fresh));

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 15);
        assertThat(account.debitedTokens()).isEqualTo(15);
        assertThat(dayBucketRequests(user)).isEqualTo(4);
        assertThat(dayBucketCost(user)).isEqualTo(15);
        assertThat(List.of(pendingOnly, debitedNotBucketed, bucketedNotMarked, fresh)).allSatisfy(usage -> assertThat(
                ledger.find(usage.eventId()).orElseThrow().state()).isEqualTo(LedgerState.APPLIED));
        assertThat(ledger.find(fresh.eventId()).orElseThrow().balanceAfter()).isEqualTo(STARTING_BALANCE - 15);
    }

    @Test
    void oneUpdatePerAccountSettlesEachReservationOnceAndSkipsOneThatIsGone() {
        String user = newUserId();
        Reservation first = hold(user, 500);
        Reservation second = hold(user, 300);
        RecordedUsage settlesFirst = usage(user, 100, first);
        RecordedUsage settlesSecond = usage(user, 50, second);
        // a second provider call of the first request: its reservation is settled by the call before
        RecordedUsage againFirst = new RecordedUsage(UUID.randomUUID().toString(), first.reservationId(), user, null,
                UsageEvents.PROVIDER, UsageEvents.MODEL, 5, 0, 0, 0, "PROVIDER_REPORTED", "COMPLETED", false,
                Instant.now(), new RecordedUsage.Held(user, first.amount()));
        // a reservation that expired before its usage arrived
        RecordedUsage expired = usage(user, 20, new Reservation(UUID.randomUUID().toString(), user,
                UsageEvents.MODEL, 200, null, null));

        accounting.applyAll(List.of(settlesFirst, settlesSecond, againFirst, expired));

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 175);
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE - 175);
        assertThat(account.reservations()).isEmpty();
        assertThat(account.active(user)).isZero();
        assertThat(ledger.find(settlesFirst.eventId()).orElseThrow().released()).isEqualTo(500);
        assertThat(ledger.find(againFirst.eventId()).orElseThrow().released()).isZero();
        assertThat(ledger.find(expired.eventId()).orElseThrow().released()).isZero();
    }

    @Test
    void membersOfOneOrganisationInOneBatchAreDebitedFromItsBalanceOnce() {
        String organisation = "org-" + UUID.randomUUID();
        List<RecordedUsage> usages = new ArrayList<>();
        for (int member = 0; member < 3; member++) {
            String user = newUserId();
            accounts.setOrganisation(user, organisation);
            usages.add(usage(user, 10));
            usages.add(usage(user, 1));
        }
        // organisations are opened with nothing: usage without a reservation overdraws it, and is still applied
        String payer = Account.ofOrganisation(organisation);

        accounting.applyAll(usages);
        accounting.applyAll(usages);

        assertThat(accounts.find(payer).orElseThrow().balance()).isEqualTo(-33);
        assertThat(accounts.find(usages.get(0).userId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find(usages.get(0).eventId()).orElseThrow().balanceAfter()).isEqualTo(-10);
        assertThat(ledger.find(usages.get(5).eventId()).orElseThrow().balanceAfter()).isEqualTo(-33);
    }

    @Test
    void moreUsagesThanOneBatchHoldsAreAppliedBatchAfterBatch() {
        String user = newUserId();
        List<RecordedUsage> usages = new ArrayList<>();
        for (int i = 0; i < UsageAccountingService.MAX_BATCH * 2 + 3; i++) {
            usages.add(usage(user, 1));
        }

        accounting.applyAll(usages);
        accounting.applyAll(usages);

        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - usages.size());
        assertThat(dayBucketRequests(user)).isEqualTo(usages.size());
    }

    private Reservation hold(String user, long amount) {
        var reservation = new Reservation(UUID.randomUUID().toString(), user, UsageEvents.MODEL, amount,
                Instant.now(), Instant.now().plusSeconds(900));
        accounts.open(user);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(user)), new Update().push("reservations", reservation)
                .inc("reserved", amount).inc("available", -amount).inc("reservationCount", 1)
                .inc(Account.activeField(user), 1), Account.class);
        return reservation;
    }

    private double duplicates() {
        return meters.counter("parley.accounting.usage.duplicates").count();
    }

    private List<Long> balancesAfter(RecordedUsage... usages) {
        return Arrays.stream(usages).map(usage -> ledger.find(usage.eventId()).orElseThrow().balanceAfter())
                .toList();
    }

    private long dayBucketRequests(String user) {
        return dayBuckets(user).stream().mapToLong(bucket -> ((Number) bucket.get("requests")).longValue()).sum();
    }

    private long dayBucketCost(String user) {
        return dayBuckets(user).stream().mapToLong(bucket -> ((Number) bucket.get("cost")).longValue()).sum();
    }

    private List<Document> dayBuckets(String user) {
        return mongo.find(Query.query(Criteria.where("userId").is(user).and("period").is("DAY")), Document.class,
                "usage_buckets");
    }

    private static ConsumerRecord<String, UsageRecorded> record(long offset, UsageRecorded event) {
        return new ConsumerRecord<>(Topics.USAGE_RECORDED, 0, offset, event.getUserId(), event);
    }

    /** Usage of {@code tokens} input tokens: with the default price, that many credits. */
    private static RecordedUsage usage(String user, long tokens) {
        return UsageEvents.recorded(user, tokens, 0, false);
    }

    private static RecordedUsage usage(String user, long tokens, Reservation settles) {
        return new RecordedUsage(UUID.randomUUID().toString(), settles.reservationId(), user, null,
                UsageEvents.PROVIDER, UsageEvents.MODEL, tokens, 0, 0, 0, "PROVIDER_REPORTED", "COMPLETED", false,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), new RecordedUsage.Held(user, settles.amount()));
    }

    private static LedgerEntry entryOf(RecordedUsage usage) {
        return new LedgerEntry(usage.eventId(), LedgerType.DEBIT, usage.userId(), usage.userId(), usage.requestId(),
                null, usage.provider(), usage.model(), new LedgerTokens(usage.inputTokens(), 0, 0, 0), usage.source(),
                usage.outcome(), false, usage.inputTokens(), 0, LedgerState.PENDING, null, usage.recordedAt(),
                Instant.now(), null, null);
    }

    private static AccountDebit debitOf(RecordedUsage usage) {
        return new AccountDebit(usage.userId(), usage.eventId(), usage.requestId(), usage.inputTokens(),
                usage.inputTokens(), 0, usage.inputTokens(), null);
    }
}
