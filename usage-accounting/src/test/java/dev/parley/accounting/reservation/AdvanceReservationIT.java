package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.micrometer.core.instrument.MeterRegistry;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.contracts.accounting.AdvanceReservationRequest;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.contracts.accounting.InternalAccountingApi;
import dev.parley.events.HeldReservation;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;

/**
 * Reservations held ahead of requests ({@code POST /internal/reservations/advance}): all of them in one write or none,
 * never twice on a retry; each then settles, releases and expires like any reservation.
 */
class AdvanceReservationIT extends IntegrationTest {

    /** mock-1 costs a credit a token: 1,000 input + 500 output tokens hold 1,500 credits each. */
    private static final long EACH = 1_500;

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
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    private InternalAccountingApi api;
    private InternalHttp http;

    @BeforeEach
    void clients() {
        RestClient restClient = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN).build();
        api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build()
                .createClient(InternalAccountingApi.class);
        http = new InternalHttp(port);
    }

    @Test
    void allTheIdsAreHeldInOneWriteOfTheUsersAccount() {
        String user = newUserId();
        accounts.open(user);
        List<String> ids = ids(3);
        double before = accountCommands();
        Instant asked = Instant.now();

        AdvanceReservationResponse held = api.reserveAhead(request(user, ids, 8));

        assertThat(accountCommands() - before).isEqualTo(1);
        assertThat(held.reservationIds()).containsExactlyElementsOf(ids);
        assertThat(held.accountId()).isEqualTo(user);
        assertThat(held.amount()).isEqualTo(EACH);
        assertThat(held.available()).isEqualTo(STARTING_BALANCE - 3 * EACH);
        assertThat(held.expiresAt()).isBetween(asked.plus(Duration.ofMinutes(30)).minusMillis(1),
                Instant.now().plus(Duration.ofMinutes(30)));
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE);
        assertThat(account.reserved()).isEqualTo(3 * EACH);
        assertThat(account.available()).isEqualTo(STARTING_BALANCE - 3 * EACH);
        assertThat(account.active(user)).isEqualTo(3);
        assertThat(reservationCount(user)).isEqualTo(3);
        assertThat(account.reservations()).extracting(Reservation::reservationId).containsExactlyElementsOf(ids);
        assertThat(account.reservations()).allSatisfy(reservation -> {
            assertThat(reservation.userId()).isEqualTo(user);
            assertThat(reservation.model()).isEqualTo("mock-1");
            assertThat(reservation.amount()).isEqualTo(EACH);
            assertThat(reservation.expiresAt()).isEqualTo(held.expiresAt());
        });
    }

    @Test
    void aFirstSightUserIsOpenedAndHeldOnTheirOwnAccount() {
        String user = newUserId();
        List<String> ids = ids(2);

        AdvanceReservationResponse held = api.reserveAhead(request(user, ids, null));

        assertThat(held.reservationIds()).containsExactlyElementsOf(ids);
        assertThat(held.accountId()).isEqualTo(user);
        assertThat(accounts.find(user).orElseThrow().reserved()).isEqualTo(2 * EACH);
    }

    @Test
    void creditsThatDoNotCoverThemAllHoldNoneAndAnswerNoIds() {
        String user = newUserId();
        accounts.open(user);
        // 7 x 1,500 = 10,500 > 10,000: six would fit, but it is all or none
        List<String> ids = ids(7);

        AdvanceReservationResponse none = api.reserveAhead(request(user, ids, 16));

        assertThat(none.reservationIds()).isEmpty();
        assertThat(none.accountId()).isEqualTo(user);
        assertThat(none.available()).isEqualTo(STARTING_BALANCE);
        assertThat(none.expiresAt()).isNull();
        assertNothingHeld(user, user);
    }

    @Test
    void moreIdsThanTheUsersBoundHoldNone() {
        String user = newUserId();
        accounts.open(user);

        AdvanceReservationResponse none = api.reserveAhead(request(user, ids(3), 2));

        assertThat(none.reservationIds()).isEmpty();
        assertThat(none.accountId()).isEqualTo(user);
        assertNothingHeld(user, user);
    }

    @Test
    void answersInProgressThatLeaveTooLittleOfTheUsersBoundHoldNone() {
        String user = newUserId();
        String inProgress = UUID.randomUUID().toString();
        assertThat(http.post("/internal/reservations", """
                {"reservationId":"%s","userId":"%s","model":"mock-1","estimatedInputTokens":10,"maxOutputTokens":0,
                 "maxConcurrent":3}""".formatted(inProgress, user)).statusCode()).isEqualTo(201);

        AdvanceReservationResponse none = api.reserveAhead(request(user, ids(3), 3));

        assertThat(none.reservationIds()).isEmpty();
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.reservations()).extracting(Reservation::reservationId).containsExactly(inProgress);
        assertThat(account.reserved()).isEqualTo(10);
        assertThat(account.active(user)).isEqualTo(1);
        assertThat(reservationCount(user)).isEqualTo(1);
    }

    @Test
    void aRetryAnswersTheSameIdsAndHoldsNothingTwice() {
        String user = newUserId();
        accounts.open(user);
        List<String> ids = ids(4);
        AdvanceReservationResponse first = api.reserveAhead(request(user, ids, 8));

        AdvanceReservationResponse retry = api.reserveAhead(request(user, ids, 8));

        assertThat(retry.reservationIds()).containsExactlyElementsOf(ids);
        assertThat(retry.accountId()).isEqualTo(user);
        assertThat(retry.amount()).isEqualTo(first.amount());
        assertThat(retry.expiresAt()).isEqualTo(first.expiresAt());
        assertThat(retry.available()).isEqualTo(STARTING_BALANCE - 4 * EACH);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.reserved()).isEqualTo(4 * EACH);
        assertThat(account.reservations()).hasSize(4);
        assertThat(account.active(user)).isEqualTo(4);
        assertThat(reservationCount(user)).isEqualTo(4);
    }

    @Test
    void anOrganisationMembersReservationsAreHeldOnTheOrganisationsAccount() {
        String organisation = "org-" + UUID.randomUUID();
        String payer = Account.ofOrganisation(organisation);
        String ada = newUserId();
        accounts.setOrganisation(ada, organisation);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(payer)),
                new Update().inc("balance", 5_000).inc("available", 5_000), Account.class);
        List<String> ids = ids(3);

        AdvanceReservationResponse held = api.reserveAhead(request(ada, ids, 3));

        assertThat(held.reservationIds()).containsExactlyElementsOf(ids);
        assertThat(held.accountId()).isEqualTo(payer);
        assertThat(held.available()).isEqualTo(5_000 - 3 * EACH);
        Account paying = accounts.find(payer).orElseThrow();
        assertThat(paying.reserved()).isEqualTo(3 * EACH);
        assertThat(paying.active(ada)).isEqualTo(3);
        assertThat(reservationCount(payer)).isEqualTo(3);
        Account own = accounts.find(ada).orElseThrow();
        assertThat(own.reserved()).isZero();
        assertThat(own.reservations()).isEmpty();
        // a retry reads the organisation's account, not the member's own
        assertThat(api.reserveAhead(request(ada, ids, 3)).reservationIds()).containsExactlyElementsOf(ids);
        assertThat(accounts.find(payer).orElseThrow().reserved()).isEqualTo(3 * EACH);
    }

    @Test
    void aReservationIsSettledOnceByTheUsageOfTheRequestThatTookItsId() throws Exception {
        String user = newUserId();
        List<String> ids = ids(3);
        AdvanceReservationResponse held = api.reserveAhead(request(user, ids, 8));
        UsageRecorded usage = ReservationIT.usage(user, ids.get(0), "mock-1", 800, 120);
        usage.setReservation(new HeldReservation(held.accountId(), held.amount(), held.expiresAt()));

        kafka.send(Topics.USAGE_RECORDED, user, usage).get();
        // the same event again, then the usage of a second request: once that one is applied, the replay was read
        kafka.send(Topics.USAGE_RECORDED, user, usage).get();
        UsageRecorded second = ReservationIT.usage(user, ids.get(1), "mock-1", 300, 40);
        second.setReservation(new HeldReservation(held.accountId(), held.amount(), held.expiresAt()));
        kafka.send(Topics.USAGE_RECORDED, user, second).get();

        LedgerEntry settled = awaitApplied(usage);
        awaitApplied(second);
        assertThat(settled.amount()).isEqualTo(920);
        assertThat(settled.released()).isEqualTo(EACH);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.debitedCredits()).isEqualTo(920 + 340);
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 920 - 340);
        assertThat(account.reservations()).extracting(Reservation::reservationId).containsExactly(ids.get(2));
        assertThat(account.reserved()).isEqualTo(EACH);
        assertThat(account.available()).isEqualTo(account.balance() - EACH);
        assertThat(account.active(user)).isEqualTo(1);
        assertThat(reservationCount(user)).isEqualTo(1);
    }

    @Test
    void aReleasedReservationGivesItsCreditsBackAndTheOthersStayHeld() {
        String user = newUserId();
        List<String> ids = ids(2);
        api.reserveAhead(request(user, ids, 8));

        assertThat(http.delete("/internal/reservations/" + ids.get(0) + "?userId=" + user).statusCode())
                .isEqualTo(204);

        Account account = accounts.find(user).orElseThrow();
        assertThat(account.available()).isEqualTo(STARTING_BALANCE - EACH);
        assertThat(account.reservations()).extracting(Reservation::reservationId).containsExactly(ids.get(1));
        assertThat(account.active(user)).isEqualTo(1);
        assertThat(ledger.find("release:" + ids.get(0))).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerState.APPLIED);
            assertThat(entry.released()).isEqualTo(EACH);
        });
    }

    @Test
    void unusedReservationsExpireLikeAnyOther() {
        String user = newUserId();
        List<String> ids = ids(2);
        api.reserveAhead(request(user, ids, 8));

        expiry.releaseExpired(Instant.now().plus(Duration.ofMinutes(31)));

        assertNothingHeld(user, user);
        assertThat(ids).allSatisfy(id -> assertThat(ledger.find("release:" + id)).hasValueSatisfying(
                entry -> assertThat(entry.source()).isEqualTo("EXPIRY")));
    }

    @Test
    void ownKeyReservationsHoldNothing() {
        String user = newUserId();

        AdvanceReservationResponse held = api.reserveAhead(new AdvanceReservationRequest(user, "gpt-4.1", 999_999,
                999_999, true, 8, ids(2)));

        assertThat(held.reservationIds()).hasSize(2);
        assertThat(held.amount()).isZero();
        assertThat(held.available()).isEqualTo(STARTING_BALANCE);
    }

    @Test
    void theSameIdTwiceIsABadRequestProblemAndHoldsNothing() {
        String user = newUserId();
        String id = UUID.randomUUID().toString();

        HttpResponse<String> duplicate = http.post("/internal/reservations/advance", """
                {"userId":"%s","model":"mock-1","estimatedInputTokens":10,"maxOutputTokens":0,"maxConcurrent":8,
                 "reservationIds":["%s","%s"]}""".formatted(user, id, id));

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(duplicate.body()).contains("urn:parley:problem:bad-request");
        assertThat(accounts.find(user)).isEmpty();
    }

    @Test
    void noIdsOrMoreThanSixteenAreABadRequestProblem() {
        String user = newUserId();
        String seventeen = String.join(",", ids(17).stream().map(id -> "\"" + id + "\"").toList());

        for (String ids : List.of("", seventeen)) {
            HttpResponse<String> invalid = http.post("/internal/reservations/advance", """
                    {"userId":"%s","model":"mock-1","estimatedInputTokens":10,"maxOutputTokens":0,
                     "reservationIds":[%s]}""".formatted(user, ids));

            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("urn:parley:problem:bad-request");
        }
        assertThat(accounts.find(user)).isEmpty();
    }

    private static AdvanceReservationRequest request(String user, List<String> ids, Integer maxConcurrent) {
        return new AdvanceReservationRequest(user, "mock-1", 1_000, 500, false, maxConcurrent, ids);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    private void assertNothingHeld(String payer, String user) {
        Account account = accounts.find(payer).orElseThrow();
        assertThat(account.reserved()).isZero();
        assertThat(account.available()).isEqualTo(account.balance());
        assertThat(account.reservations()).isEmpty();
        assertThat(account.active(user)).isZero();
        assertThat(reservationCount(payer)).isZero();
    }

    private int reservationCount(String accountId) {
        Document account = mongo.getCollection(AccountRepository.COLLECTION)
                .find(new Document("_id", accountId)).first();
        assertThat(account).as("account %s", accountId).isNotNull();
        return account.getInteger("reservationCount");
    }

    private double accountCommands() {
        return meters.find("mongodb.driver.commands").tag("collection", "accounts").tag("command", "findAndModify")
                .timers().stream().mapToDouble(timer -> timer.count()).sum();
    }

    private LedgerEntry awaitApplied(UsageRecorded usage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());
        return ledger.find(usage.getEventId()).orElseThrow();
    }
}
