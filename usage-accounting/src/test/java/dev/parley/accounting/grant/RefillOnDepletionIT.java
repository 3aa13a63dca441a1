package dev.parley.accounting.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Refill;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** A refill on depletion arrives when the balance runs out, once per interval, whoever asks and however often. */
class RefillOnDepletionIT extends IntegrationTest {

    private static final long REFILL = 500;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    RefillService refills;
    @Autowired
    MongoOperations mongo;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void theDebitThatEmptiesTheBalanceBringsOneRefillPerInterval() throws Exception {
        String user = newUserId();
        mvc.perform(put("/internal/admin/accounts/{id}/refill", user)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500,\"interval\":\"P1D\",\"onDepletion\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.depletionThreshold").value(0));
        refills.refillDue(Instant.now());
        assertThat(balance(user)).as("no refill while credits remain").isEqualTo(STARTING_BALANCE);

        debit(user, STARTING_BALANCE - 100);
        assertThat(balance(user)).isEqualTo(100);
        debit(user, 100);
        assertThat(balance(user)).isEqualTo(REFILL);

        debit(user, REFILL + 20);
        refills.refillDue(Instant.now());
        assertThat(balance(user)).as("at most once per interval").isEqualTo(-20);
        assertThat(refillsOf(user)).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerState.APPLIED);
            assertThat(entry.amount()).isEqualTo(REFILL);
        });
    }

    @Test
    void theNextIntervalRefillsAnAccountStillRunOut() {
        String user = newUserId();
        Instant anchor = Instant.now().minus(Duration.ofDays(1)).minusSeconds(60);
        accounts.setRefill(user, new Refill(REFILL, Duration.ofDays(1).toSeconds(), anchor, 0, 0L));
        setBalance(user, -5);

        refills.refillDue(Instant.now());
        refills.refillDue(Instant.now());

        assertThat(balance(user)).isEqualTo(REFILL - 5);
        assertThat(accounts.find(user).orElseThrow().refill().lastIndex()).isEqualTo(1);
    }

    @Test
    void aReservationTheAccountCannotAffordBringsTheRefillAndIsAdmitted() {
        String user = newUserId();
        accounts.setRefill(user, new Refill(REFILL, Duration.ofDays(1).toSeconds(), Instant.now(), -1, 0L));
        setBalance(user, 300);
        var http = new InternalHttp(port);

        HttpResponse<String> admitted = reserve(http, user, 400);
        HttpResponse<String> refused = reserve(http, user, 600);

        assertThat(admitted.statusCode()).isEqualTo(201);
        assertThat(balance(user)).isEqualTo(300 + REFILL);
        assertThat(refused.statusCode()).as("the interval's refill is used").isEqualTo(402);
    }

    @Test
    void concurrentRunOutsGrantExactlyOnce() throws Exception {
        String user = newUserId();
        accounts.setRefill(user, new Refill(REFILL, Duration.ofDays(1).toSeconds(), Instant.now(), -1, 0L));
        setBalance(user, 0);
        Account depleted = accounts.find(user).orElseThrow();
        List<Callable<Object>> calls = IntStream.range(0, 40).<Callable<Object>>mapToObj(i -> i % 2 == 0
                ? () -> refills.refillIfDepleted(depleted, 0) : () -> refills.refillDue(Instant.now())).toList();

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var result : threads.invokeAll(calls)) {
                result.get();
            }
        }

        assertThat(balance(user)).isEqualTo(REFILL);
        assertThat(refillsOf(user)).hasSize(1);
    }

    private HttpResponse<String> reserve(InternalHttp http, String user, long input) {
        return http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"mock-1","estimatedInputTokens":%d,"maxOutputTokens":0,
                 "ownKey":false}""".formatted(UUID.randomUUID(), user, input));
    }

    private void debit(String user, long tokens) throws Exception {
        UsageRecorded usage = UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString()).setUserId(user).setProvider("mock").setModel("mock-1")
                .setInputTokens(tokens).setOutputTokens(0).setSource(UsageSource.PROVIDER_REPORTED)
                .setOutcome(CallOutcome.COMPLETED).setRecordedAt(Instant.now()).build();
        kafka.send(Topics.USAGE_RECORDED, user, usage).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());
    }

    private void setBalance(String user, long balance) {
        Account account = accounts.open(user);
        long delta = balance - account.balance();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(user)),
                new Update().inc("balance", delta).inc("available", delta),
                Account.class);
    }

    private long balance(String user) {
        return accounts.find(user).orElseThrow().balance();
    }

    private List<LedgerEntry> refillsOf(String user) {
        return mongo.find(Query.query(Criteria.where("accountId").is(user).and("type").is(LedgerType.REFILL.name())),
                LedgerEntry.class);
    }
}
