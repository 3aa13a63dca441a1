package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.events.CallOutcome;
import dev.parley.events.HeldReservation;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** Invariant: concurrent requests cannot overdraw a balance; reservations settle, release and expire. */
class ReservationIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    ReservationExpiry expiry;
    @Autowired
    ReservationStore store;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    private InternalHttp http;

    @BeforeEach
    void http() {
        http = new InternalHttp(port);
    }

    @Test
    void twoHundredParallelRequestsAgainstABalanceCoveringOneAdmitExactlyOne() throws Exception {
        String user = newUserId();
        // mock-1 costs a credit a token: 6,000 input + 4,000 output is the whole starting balance
        List<Callable<HttpResponse<String>>> calls = IntStream.range(0, 200)
                .<Callable<HttpResponse<String>>>mapToObj(i -> () -> reserve(UUID.randomUUID().toString(), user,
                        "mock-1", 6_000, 4_000))
                .toList();

        List<Integer> statuses;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            statuses = threads.invokeAll(calls).stream().map(ReservationIT::status).toList();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 402).hasSize(199);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE);
        assertThat(account.reserved()).isEqualTo(STARTING_BALANCE);
        assertThat(account.available()).isZero();
        assertThat(account.reservations()).hasSize(1);
    }

    @Test
    void aRefusalIsAQuotaExhaustedProblem() {
        HttpResponse<String> refused = reserve(UUID.randomUUID().toString(), newUserId(), "mock-1",
                STARTING_BALANCE, 1);

        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:parley:problem:quota-exhausted");
    }

    @Test
    void aRetryWithTheSameIdReturnsTheSameReservation() {
        String user = newUserId();
        String id = UUID.randomUUID().toString();

        HttpResponse<String> first = reserve(id, user, "mock-1", 100, 50);
        HttpResponse<String> retry = reserve(id, user, "mock-1", 100, 50);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"amount\":150");
        assertThat(retry.body()).contains("\"amount\":150", "\"available\":" + (STARTING_BALANCE - 150));
        assertThat(expiresAt(retry.body())).isEqualTo(expiresAt(first.body()));
        assertThat(accounts.find(user).orElseThrow().reserved()).isEqualTo(150);
    }

    private static String expiresAt(String body) {
        var matcher = Pattern.compile("\"expiresAt\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as("expiresAt in %s", body).isTrue();
        return matcher.group(1);
    }

    @Test
    void usageSettlesItsReservationAndDebitsTheActualCost() throws Exception {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        assertThat(reserve(requestId, user, "mock-1", 1_000, 500).statusCode()).isEqualTo(201);
        UsageRecorded usage = usage(user, requestId, "mock-1", 800, 120);

        kafka.send(Topics.USAGE_RECORDED, user, usage).get();

        LedgerEntry entry = awaitApplied(usage);
        assertThat(entry.amount()).isEqualTo(920);
        assertThat(entry.released()).isEqualTo(1_500);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920);
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(account.balance());
        assertThat(account.reservations()).isEmpty();
    }

    @Test
    void anAccountKeyedByAnObjectIdHexIdIsHeldAndSettledLikeAnyOther() throws Exception {
        // api-ingress's user ids are ObjectId hex strings, which Spring Data stores as ObjectIds
        String user = new org.bson.types.ObjectId().toHexString();
        String requestId = UUID.randomUUID().toString();
        assertThat(reserve(requestId, user, "mock-1", 1_000, 500).statusCode()).isEqualTo(201);
        UsageRecorded usage = usage(user, requestId, "mock-1", 800, 120);

        kafka.send(Topics.USAGE_RECORDED, user, usage).get();

        awaitApplied(usage);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920);
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE - 920);
    }

    @Test
    void aReleasedReservationGivesItsCreditsBack() {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        reserve(requestId, user, "mock-1", 2_000, 0);

        assertThat(http.delete("/internal/reservations/" + requestId + "?userId=" + user).statusCode())
                .isEqualTo(204);

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find("release:" + requestId)).hasValueSatisfying(
                entry -> assertThat(entry.released()).isEqualTo(2_000));
    }

    @Test
    void anExpiredReservationIsReleasedOnce() {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        reserve(requestId, user, "mock-1", 3_000, 0);
        Instant later = Instant.now().plus(Duration.ofMinutes(31));

        expiry.releaseExpired(later);
        expiry.releaseExpired(later);

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find("release:" + requestId)).hasValueSatisfying(
                entry -> assertThat(entry.source()).isEqualTo("EXPIRY"));
    }

    @Test
    void ownKeyRequestsReserveNothing() {
        String user = newUserId();
        HttpResponse<String> reserved = http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"gpt-4.1","estimatedInputTokens":999999,
                 "maxOutputTokens":999999,"ownKey":true}""".formatted(UUID.randomUUID(), user));

        assertThat(reserved.statusCode()).isEqualTo(201);
        assertThat(reserved.body()).contains("\"amount\":0");
    }

    @Test
    void anInvalidRequestIsABadRequestProblem() {
        HttpResponse<String> invalid = http.post("/internal/reservations", """
                {"reservationId":"","userId":"u","model":"mock-1","estimatedInputTokens":-1,"maxOutputTokens":1}""");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("urn:parley:problem:bad-request");
    }

    @Test
    void aUsersAnswersInProgressAreBoundedWithTheirReservations() {
        String user = newUserId();
        String first = UUID.randomUUID().toString();

        assertThat(reserve(first, user, 10, 2).statusCode()).isEqualTo(201);
        assertThat(reserve(UUID.randomUUID().toString(), user, 10, 2).statusCode()).isEqualTo(201);
        HttpResponse<String> third = reserve(UUID.randomUUID().toString(), user, 10, 2);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("urn:parley:problem:too-many-reservations", "2 answers in progress");
        assertThat(http.delete("/internal/reservations/" + first + "?userId=" + user).statusCode()).isEqualTo(204);
        assertThat(reserve(UUID.randomUUID().toString(), user, 10, 2).statusCode()).isEqualTo(201);
        assertThat(accounts.find(user).orElseThrow().active(user)).isEqualTo(2);
    }

    @Test
    void membersOfAnOrganisationEachHaveTheirOwnBoundOnItsAccount() {
        String organisation = "org-" + UUID.randomUUID();
        String ada = newUserId();
        String bob = newUserId();
        accounts.setOrganisation(ada, organisation);
        accounts.setOrganisation(bob, organisation);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Account.ofOrganisation(organisation))),
                new Update().inc("balance", 5_000).inc("available", 5_000), Account.class);

        assertThat(reserve(UUID.randomUUID().toString(), ada, 10, 1).statusCode()).isEqualTo(201);
        assertThat(reserve(UUID.randomUUID().toString(), ada, 10, 1).statusCode()).isEqualTo(429);
        assertThat(reserve(UUID.randomUUID().toString(), bob, 10, 1).statusCode()).isEqualTo(201);

        Account paying = accounts.find(Account.ofOrganisation(organisation)).orElseThrow();
        assertThat(paying.reservations()).hasSize(2);
        assertThat(paying.active(ada)).isEqualTo(1);
        assertThat(paying.active(bob)).isEqualTo(1);
    }

    @Test
    void anAdmissionOfAKnownUserIsOneUpdateOfTheirAccount() {
        String user = newUserId();
        assertThat(reserve(UUID.randomUUID().toString(), user, 10, 8).statusCode()).isEqualTo(201);
        double before = accountCommands();

        assertThat(reserve(UUID.randomUUID().toString(), user, 10, 8).statusCode()).isEqualTo(201);

        assertThat(accountCommands() - before).isEqualTo(1);
    }

    @Test
    void usageThatNamesItsReservationSettlesItInOneUpdate() throws Exception {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        assertThat(reserve(requestId, user, "mock-1", 1_000, 500).statusCode()).isEqualTo(201);
        UsageRecorded usage = usage(user, requestId, "mock-1", 800, 120);
        usage.setReservation(new HeldReservation(user, 1_500L, Instant.now().plusSeconds(600)));
        double before = accountCommands();

        kafka.send(Topics.USAGE_RECORDED, user, usage).get();

        LedgerEntry entry = awaitApplied(usage);
        assertThat(accountCommands() - before).isEqualTo(1);
        assertThat(meters.get("parley.accounting.debit.lag").timer().count()).isPositive();
        assertThat(entry.released()).isEqualTo(1_500);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920);
        assertThat(account.reserved()).isZero();
        assertThat(account.reservations()).isEmpty();
        assertThat(account.active(user)).isZero();
    }

    @Test
    void usageNamingAReservationThatIsNoLongerThereStillSettlesWhatIsHeld() throws Exception {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        assertThat(reserve(requestId, user, "mock-1", 1_000, 500).statusCode()).isEqualTo(201);
        UsageRecorded usage = usage(user, requestId, "mock-1", 800, 120);
        // a hint that does not match what the account holds (another amount) must not release the wrong credits
        usage.setReservation(new HeldReservation(user, 999L, Instant.now().plusSeconds(600)));

        kafka.send(Topics.USAGE_RECORDED, user, usage).get();

        assertThat(awaitApplied(usage).released()).isEqualTo(1_500);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920);
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(account.balance());
    }

    @Test
    void aReleaseInterruptedBeforeItsAccountUpdateIsFinishedOnce() {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        reserve(requestId, user, "mock-1", 2_000, 0);
        // the crash came right after the pending entry was written
        assertThat(ledger.insertPending(pendingRelease(user, requestId, 2_000))).isTrue();

        assertThat(expiry.finishPendingReleases(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(expiry.finishPendingReleases(Instant.now().plusSeconds(60))).isZero();

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE);
        assertThat(account.reservations()).isEmpty();
        assertThat(ledger.find("release:" + requestId)).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerState.APPLIED);
            assertThat(entry.released()).isEqualTo(2_000);
        });
    }

    @Test
    void aReleaseInterruptedAfterItsAccountUpdateIsListedAndNotAppliedAgain() {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        reserve(requestId, user, "mock-1", 2_000, 0);
        assertThat(ledger.insertPending(pendingRelease(user, requestId, 2_000))).isTrue();
        // the crash came after the account update, before the entry was marked
        assertThat(store.release(user, new Reservation(requestId, user, "mock-1", 2_000, null, null),
                "release:" + requestId, Instant.now())).isPresent();

        expiry.finishPendingReleases(Instant.now().plusSeconds(60));

        assertThat(accounts.find(user).orElseThrow().available()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find("release:" + requestId)).hasValueSatisfying(
                entry -> assertThat(entry.state()).isEqualTo(LedgerState.APPLIED));
    }

    @Test
    void aPendingReleaseWhoseReservationItsUsageSettledIsVoid() throws Exception {
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        assertThat(reserve(requestId, user, "mock-1", 1_000, 500).statusCode()).isEqualTo(201);
        assertThat(ledger.insertPending(pendingRelease(user, requestId, 1_500))).isTrue();
        UsageRecorded usage = usage(user, requestId, "mock-1", 800, 120);
        kafka.send(Topics.USAGE_RECORDED, user, usage).get();
        awaitApplied(usage);

        expiry.finishPendingReleases(Instant.now().plusSeconds(60));

        assertThat(ledger.find("release:" + requestId)).hasValueSatisfying(
                entry -> assertThat(entry.state()).isEqualTo(LedgerState.VOID));
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920);
        assertThat(account.available()).isEqualTo(account.balance());
    }

    private static LedgerEntry pendingRelease(String user, String requestId, long amount) {
        Instant now = Instant.now();
        return new LedgerEntry("release:" + requestId, LedgerType.RELEASE, user, user, requestId, null, null,
                "mock-1", LedgerTokens.NONE, "API", null, false, 0, amount, LedgerState.PENDING, null, now, now, null,
                null);
    }

    private double accountCommands() {
        return meters.find("mongodb.driver.commands").tag("collection", "accounts").tag("command", "findAndModify")
                .timers().stream().mapToDouble(timer -> timer.count()).sum();
    }

    private HttpResponse<String> reserve(String id, String user, long input, int maxConcurrent) {
        return http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"mock-1","estimatedInputTokens":%d,"maxOutputTokens":0,
                 "ownKey":false,"maxConcurrent":%d}""".formatted(id, user, input, maxConcurrent));
    }

    private HttpResponse<String> reserve(String id, String user, String model, long input, long maxOutput) {
        return http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"%s","estimatedInputTokens":%d,"maxOutputTokens":%d,
                 "ownKey":false}""".formatted(id, user, model, input, maxOutput));
    }

    private LedgerEntry awaitApplied(UsageRecorded usage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());
        return ledger.find(usage.getEventId()).orElseThrow();
    }

    static UsageRecorded usage(String user, String requestId, String model, long input, long output) {
        return UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString()).setRequestId(requestId)
                .setUserId(user).setProvider("mock").setModel(model).setInputTokens(input).setOutputTokens(output)
                .setSource(UsageSource.PROVIDER_REPORTED).setOutcome(CallOutcome.COMPLETED)
                .setRecordedAt(Instant.now()).build();
    }

    private static int status(Future<HttpResponse<String>> response) {
        try {
            return response.get().statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
