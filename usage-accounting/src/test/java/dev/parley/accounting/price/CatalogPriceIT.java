package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import io.micrometer.core.instrument.MeterRegistry;

/** Catalog prices pushed over HTTP, or carried by a reservation, price the usage that follows. */
class CatalogPriceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PriceBook prices;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    private InternalHttp http;

    @BeforeEach
    void http() {
        http = new InternalHttp(port);
    }

    @Test
    void twoModelsWithDifferentCatalogPricesDebitDifferentlyForTheSameUsage() throws Exception {
        String fast = "acme/fast-" + UUID.randomUUID() + ".1";
        String slow = "acme.slow/" + UUID.randomUUID();
        HttpResponse<String> pushed = http.put("/internal/catalog/prices", """
                {"prices": {"%s": {"input": 150000, "output": 600000, "cachedInput": 75000},
                            "%s": {"input": 3000000, "output": 15000000, "cachedInput": 300000}}}"""
                .formatted(fast, slow));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(204);

        // 1,034 uncached + 200 cached input tokens and 67 output tokens on each model
        LedgerEntry onFast = applied(usage(newUserId(), fast, null));
        LedgerEntry onSlow = applied(usage(newUserId(), slow, null));

        // (1,034 x 150,000 + 200 x 75,000 + 67 x 600,000) / 1,000,000 = 210.3, rounded up
        assertThat(onFast.amount()).isEqualTo(211);
        // (1,034 x 3,000,000 + 200 x 300,000 + 67 x 15,000,000) / 1,000,000 = 4,167 exactly
        assertThat(onSlow.amount()).isEqualTo(4_167);
        assertThat(accounts.find(onFast.userId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 211);
        assertThat(accounts.find(onSlow.userId()).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 4_167);
    }

    @Test
    void aReservationCarryingTheCatalogPriceOfANewModelPricesItsUsage() throws Exception {
        String model = "brand-new/" + UUID.randomUUID();
        String user = newUserId();
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> reserved = http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"%s","estimatedInputTokens":100,"maxOutputTokens":50,
                 "price":{"input":2000000,"output":4000000,"cachedInput":1000000}}""".formatted(requestId, user, model));

        // the worst case is already at the carried price: 100 x 2 + 50 x 4
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        assertThat(reserved.body()).contains("\"amount\":400");
        assertThat(prices.priceOf(model)).isEqualTo(new ModelPrice(2_000_000, 4_000_000, 1_000_000));
        assertThat(http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"%s","estimatedInputTokens":100,"maxOutputTokens":50,
                 "price":{"input":2000000,"output":4000000,"cachedInput":1000000}}""".formatted(requestId, user, model))
                .body()).as("a retry is the same reservation").contains("\"amount\":400", "\"available\":9600");

        UsageRecorded usage = UsageRecorded.newBuilder(usage(user, model, requestId)).setCachedInputTokens(0)
                .setInputTokens(100).setOutputTokens(20).build();
        LedgerEntry debit = applied(usage);

        assertThat(debit.amount()).isEqualTo(280);
        assertThat(debit.released()).isEqualTo(400);
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 280);
        assertThat(accounts.find(user).orElseThrow().reserved()).isZero();
    }

    @Test
    void aReservationWithAnInvalidPriceIsABadRequestProblem() {
        HttpResponse<String> refused = http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"m","estimatedInputTokens":100,"maxOutputTokens":50,
                 "price":{"input":-1,"output":4000000}}""".formatted(UUID.randomUUID(), newUserId()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("urn:parley:problem:bad-request");
    }

    @Test
    void usageOfAModelNobodyPricedIsDebitedAtTheDefaultAndCounted() throws Exception {
        String model = "unpriced-" + UUID.randomUUID();

        LedgerEntry debit = applied(usage(newUserId(), model, null));

        assertThat(debit.amount()).as("one credit per token").isEqualTo(1_234 + 67);
        assertThat(meters.counter("parley.accounting.unpriced.usage", "model", model).count()).isEqualTo(1);
    }

    private LedgerEntry applied(UsageRecorded usage) throws Exception {
        kafka.send(Topics.USAGE_RECORDED, usage.getUserId(), usage).get(10, TimeUnit.SECONDS);
        return await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId()).orElse(null),
                entry -> entry != null && entry.state() == LedgerState.APPLIED);
    }

    private static UsageRecorded usage(String user, String model, String requestId) {
        return UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(requestId != null ? requestId : UUID.randomUUID().toString()).setUserId(user)
                .setProvider("acme").setModel(model).setInputTokens(1_234).setCachedInputTokens(200)
                .setOutputTokens(67).setSource(UsageSource.PROVIDER_REPORTED).setOutcome(CallOutcome.COMPLETED)
                .setRecordedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }
}
