package dev.parley.ingress.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The client of usage-accounting over real HTTP: calls beyond the bound wait for a free one instead of opening more
 * connections, the contract's records read accounting's JSON (as its controllers write it), and its problems are
 * mapped by type.
 */
class AccountingApiTest {

    static final String RESERVATION = """
            {"reservationId":"r1","accountId":"org:acme","amount":2048,"balance":9000,"available":6952,
             "expiresAt":"2026-12-06T10:00:00Z"}""";

    final MockWebServer accounting = new MockWebServer();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        accounting.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        accounting.close();
    }

    @Test
    void atMostTheBoundOfCallsIsInFlightAndTheOthersWaitTheirTurn() throws Exception {
        accounting.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                release.await(10, TimeUnit.SECONDS);
                inFlight.decrementAndGet();
                return json(201, RESERVATION);
            }
        });
        var api = api(2);

        List<CompletableFuture<ReservationResponse>> calls;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> api.call(client -> client.reserve(reservation("r" + i))), threads)).toList();
            Awaitility.await().until(() -> accounting.getRequestCount() >= 2);
            release.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join().amount()).isEqualTo(2048));
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(accounting.getRequestCount()).isEqualTo(6);
    }

    @Test
    void theReservationGoesOutAsAccountingReadsItAndComesBackTyped() throws Exception {
        accounting.enqueue(json(201, RESERVATION));

        ReservationResponse held = api(4).call(client -> client.reserve(reservation("r1")));

        RecordedRequest sent = accounting.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/internal/reservations");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer token");
        assertThat(sent.getBody().utf8()).contains("\"reservationId\":\"r1\"", "\"maxOutputTokens\":1024",
                "\"maxConcurrent\":8");
        assertThat(held.accountId()).isEqualTo("org:acme");
        assertThat(held.expiresAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void callsAreNotObservedByTheHttpClientSinceTheReservationHasItsOwnTimer() {
        accounting.enqueue(json(201, RESERVATION));
        var observed = new AtomicInteger();
        var observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.incrementAndGet();
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });

        new AccountingApi(RestClient.builder().observationRegistry(observations), properties(4))
                .call(client -> client.reserve(reservation("r1")));

        assertThat(accounting.getRequestCount()).isEqualTo(1);
        assertThat(observed).hasValue(0);
    }

    @Test
    void accountsReadWithFieldsTheClientDoesNotKnowYet() {
        accounting.enqueue(json(200, """
                {"userId":"u1","balance":900,"startingBalance":1000,"inputTokens":5,"outputTokens":6,
                 "debitedTokens":11,"debitedCredits":100,"reserved":40,"available":860,"organisationId":null,
                 "payerId":"u1","refill":{"amount":500,"interval":"PT24H","anchor":"2025-03-01T00:00:00Z",
                 "lastIndex":3,"depletionThreshold":null},"updatedAt":"2025-03-02T00:00:00Z","somethingNew":true}"""));
        accounting.enqueue(json(200, """
                [{"userId":"u1","balance":120,"startingBalance":0,"inputTokens":0,"outputTokens":0,
                  "debitedTokens":0,"debitedCredits":0,"reserved":30,"available":90,"organisationId":"acme",
                  "payerId":"org:acme","refill":null,"updatedAt":"2025-03-02T00:00:00Z",
                  "grants":[{"grantId":"g1","accountId":"u1","amount":50,"effectiveAt":"2025-03-01T00:00:00Z",
                             "expiresAt":null,"state":"ACTIVE"}]}]"""));
        var api = api(4);

        AccountResponse account = api.call(client -> client.account("u1"));
        List<AccountOverview> overviews = api.call(client -> client.accounts(List.of("u1", "u2")));

        assertThat(account.refill().lastIndex()).isEqualTo(3);
        assertThat(Duration.parse(account.refill().interval())).isEqualTo(Duration.ofDays(1));
        assertThat(overviews).singleElement().satisfies(overview -> {
            assertThat(overview.account().payerId()).isEqualTo("org:acme");
            assertThat(overview.grants()).extracting(grant -> grant.state()).containsExactly("ACTIVE");
        });
    }

    @Test
    void ledgerPagesAndReportsAskWithIsoDaysAndReadTyped() throws Exception {
        accounting.enqueue(json(200, """
                {"items":[{"id":"req-1:0","type":"DEBIT","userId":"u1","accountId":"u1","requestId":"req-1",
                  "conversationId":"c1","provider":"mock","model":"mock-1",
                  "tokens":{"input":10,"output":5,"cachedInput":0,"reasoning":0},"source":"PROVIDER",
                  "outcome":"COMPLETED","ownKey":false,"amount":15,"delta":-15,"released":0,"balanceAfter":985,
                  "recordedAt":"2025-03-02T00:00:00Z"}],
                 "page":0,"size":20,"totalItems":1,"totalPages":1,
                 "aggregates":{"count":1,"totalDebited":15,"totalCredited":0}}"""));
        accounting.enqueue(json(200, """
                {"from":"2025-03-01","to":null,"groupBy":"model,user",
                 "rows":[{"key":"mock-1|u1","keys":{"model":"mock-1","user":"u1"},"requests":1,"inputTokens":10,
                   "outputTokens":5,"cachedInputTokens":0,"cost":15,"users":1,
                   "perUser":{"requests":1.0,"inputTokens":10.0,"outputTokens":5.0,"cost":15.0}}],
                 "totals":{"key":null,"requests":1,"inputTokens":10,"outputTokens":5,"cachedInputTokens":0,
                   "cost":15,"users":1,"perUser":{"requests":1.0,"inputTokens":10.0,"outputTokens":5.0,"cost":15.0}}}"""));
        var api = api(4);

        TransactionPage page = api.call(client -> client.transactions("u1", LocalDate.of(2025, 3, 1), null, 0, 20));
        UsageReport report = api.call(client -> client.allUsage(LocalDate.of(2025, 3, 1), null, "model,user", null));

        assertThat(accounting.takeRequest().getUrl().encodedQuery()).isEqualTo("from=2025-03-01&page=0&size=20");
        var usage = accounting.takeRequest().getUrl();
        assertThat(usage.queryParameter("from")).isEqualTo("2025-03-01");
        assertThat(usage.queryParameter("groupBy")).isEqualTo("model,user");
        assertThat(usage.queryParameter("to")).isNull();
        assertThat(page.items()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("DEBIT");
            assertThat(entry.tokens().input()).isEqualTo(10);
        });
        assertThat(page.aggregates().totalDebited()).isEqualTo(15);
        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.keys()).containsEntry("user", "u1");
            assertThat(row.perUser().cost()).isEqualTo(15.0);
        });
    }

    @Test
    void accountingsProblemsAreMappedByTheirType() {
        accounting.enqueue(problem(402, "quota-exhausted", "This request may cost up to 2048 credits; 10 are available."));
        accounting.enqueue(problem(429, "too-many-reservations", "wait for one to finish"));
        accounting.enqueue(problem(500, "internal", "An unexpected error occurred"));
        var api = api(4);

        ApiProblem quota = refusal(api);
        ApiProblem tooMany = refusal(api);
        ApiProblem broken = refusal(api);

        assertThat(quota.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED);
        assertThat(quota.getBody().getDetail()).isEqualTo("This request may cost up to 2048 credits; 10 are available.");
        assertThat(tooMany.kind()).isEqualTo(ProblemKind.TOO_MANY_RESERVATIONS);
        assertThat(tooMany.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(broken.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
        assertThat(broken.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    }

    @Test
    void anAnswerWithoutAKnownProblemTypeIsABadGatewayNeverAnInternalError() {
        accounting.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());
        accounting.enqueue(problem(409, "some-new-kind", "accounting learnt a new word"));
        var api = api(4);

        assertThat(refusal(api).kind()).isEqualTo(ProblemKind.UPSTREAM_FAILED);
        assertThat(refusal(api).kind()).isEqualTo(ProblemKind.UPSTREAM_FAILED);
        assertThat(ProblemKind.UPSTREAM_FAILED.status().value()).isEqualTo(502);
    }

    @Test
    void noAnswerAtAllIsUnavailable() throws Exception {
        var api = api(4);
        accounting.close();

        ApiProblem away = refusal(api);

        assertThat(away.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
        assertThat(away.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    }

    private AccountingApi api(int maxConcurrentCalls) {
        return new AccountingApi(RestClient.builder(), properties(maxConcurrentCalls));
    }

    private AccountingProperties properties(int maxConcurrentCalls) {
        return new AccountingProperties(URI.create(accounting.url("/").toString()), "token", Duration.ofSeconds(2),
                Duration.ofSeconds(20), maxConcurrentCalls);
    }

    private static ApiProblem refusal(AccountingApi api) {
        return catchThrowableOfType(ApiProblem.class, () -> api.call(client -> client.reserve(reservation("r1"))));
    }

    static ReservationRequest reservation(String id) {
        return new ReservationRequest(id, "u1", "mock-1", 100, 1024, null, 8);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    static MockResponse problem(int status, String kind, String detail) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"urn:parley:problem:" + kind + "\",\"title\":\"t\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"instance\":\"/internal/reservations\"}")
                .build();
    }
}
