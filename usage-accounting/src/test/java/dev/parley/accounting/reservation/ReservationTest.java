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
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** Invariant: concurrent requests cannot overdraw a balance; reservations settle, release and expire. */
class ReservationTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    ReservationExpiry expiry;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

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
            statuses = threads.invokeAll(calls).stream().map(ReservationTest::status).toList();
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
        Instant later = Instant.now().plus(Duration.ofMinutes(16));

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
