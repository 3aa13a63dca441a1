package dev.parley.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AdvanceReservationRequest;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.contracts.accounting.BalanceRequest;
import dev.parley.contracts.accounting.GrantRequest;
import dev.parley.contracts.accounting.InternalAccountingApi;
import dev.parley.contracts.accounting.Membership;
import dev.parley.contracts.accounting.OpenAccountRequest;
import dev.parley.contracts.accounting.Price;
import dev.parley.contracts.accounting.RefillRequest;
import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.platform.problem.ProblemKind;

/**
 * The accounting-api contract against the running service: every method of {@link InternalAccountingApi}, called
 * through a Spring HTTP interface client as api-ingress calls it, reaches a controller and reads its answer into the
 * shared records; refusals carry platform's problem types.
 */
class InternalAccountingApiIT extends IntegrationTest {

    private static final Price PRICE = new Price(1_000_000L, 1_000_000L, 1_000_000L);

    @LocalServerPort
    int port;

    InternalAccountingApi api;
    String user;

    @BeforeEach
    void client() {
        RestClient restClient = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN).build();
        api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build()
                .createClient(InternalAccountingApi.class);
        user = newUserId();
    }

    @Test
    void accountsOpenAndReadIntoTheSharedRecords() {
        assertThat(api.openAccount(user, new OpenAccountRequest(5_000L)).balance()).isEqualTo(5_000);

        var account = api.account(user);

        assertThat(account.userId()).isEqualTo(user);
        assertThat(account.available()).isEqualTo(5_000);
        assertThat(account.payerId()).isEqualTo(user);
        assertThat(account.updatedAt()).isNotNull();
    }

    @Test
    void adminChangesAnswerTheirRecords() {
        api.openAccount(user, new OpenAccountRequest(1_000L));

        assertThat(api.setBalance(user, new BalanceRequest(2_000)).balance()).isEqualTo(2_000);
        var grant = api.grant(user, new GrantRequest("contract-" + user, 300, null, null));
        assertThat(grant.state()).isEqualTo("ACTIVE");
        assertThat(grant.accountId()).isEqualTo(user);
        var refill = api.setRefill(user, new RefillRequest(50, Duration.ofDays(1), true, 10L));
        assertThat(refill.amount()).isEqualTo(50);
        assertThat(Duration.parse(refill.interval())).isEqualTo(Duration.ofDays(1));
        assertThat(refill.depletionThreshold()).isEqualTo(10);
        assertThat(api.setOrganisation(user, new Membership("org-" + user)).payerId()).isEqualTo("org:org-" + user);
        assertThat(api.setOrganisation(user, new Membership(null)).payerId()).isEqualTo(user);

        assertThat(api.account(user).refill().depletionThreshold()).isEqualTo(10);
        assertThat(api.grants(user)).extracting(g -> g.grantId()).containsExactly("contract-" + user);
    }

    @Test
    void theAdminUserListReadsAccountsWithTheirGrants() {
        api.openAccount(user, new OpenAccountRequest(1_000L));
        api.grant(user, new GrantRequest(null, 70, null, null));

        List<AccountOverview> accounts = api.accounts(List.of(user, "never-seen-" + UUID.randomUUID()));

        assertThat(accounts).singleElement().satisfies(overview -> {
            assertThat(overview.account().userId()).isEqualTo(user);
            assertThat(overview.account().balance()).isEqualTo(1_070);
            assertThat(overview.grants()).extracting(g -> g.amount()).containsExactly(70L);
        });
    }

    @Test
    void aReservationIsHeldAndReleased() {
        api.openAccount(user, new OpenAccountRequest(100_000L));
        String requestId = "request-" + UUID.randomUUID();

        ReservationResponse held = api.reserve(new ReservationRequest(requestId, user, "contract/model", 100, 100,
                null, 8));
        assertThat(held.reservationId()).isEqualTo(requestId);
        assertThat(held.accountId()).isEqualTo(user);
        assertThat(held.amount()).isPositive();
        assertThat(held.expiresAt()).isNotNull();
        assertThat(api.account(user).reserved()).isEqualTo(held.amount());

        api.release(requestId, user);

        assertThat(api.account(user).reserved()).isZero();
    }

    @Test
    void reservationsAreHeldAheadAndReleased() {
        api.openAccount(user, new OpenAccountRequest(100_000L));
        List<String> ids = List.of("spare-" + UUID.randomUUID(), "spare-" + UUID.randomUUID());

        AdvanceReservationResponse held = api.reserveAhead(new AdvanceReservationRequest(user, "contract/model", 100,
                100, null, 8, ids));
        assertThat(held.reservationIds()).containsExactlyElementsOf(ids);
        assertThat(held.accountId()).isEqualTo(user);
        assertThat(held.amount()).isPositive();
        assertThat(held.expiresAt()).isNotNull();
        assertThat(api.account(user).reserved()).isEqualTo(2 * held.amount());

        ids.forEach(id -> api.release(id, user));

        assertThat(api.account(user).reserved()).isZero();
    }

    @Test
    void refusalsAreProblemsOfThePlatformVocabulary() {
        api.openAccount(user, new OpenAccountRequest(10L));

        var quota = catchThrowableOfType(HttpClientErrorException.class, () -> api.reserve(new ReservationRequest(
                "request-" + UUID.randomUUID(), user, "contract/model", 1_000, 1_000, null, 8)));
        var invalid = catchThrowableOfType(HttpClientErrorException.class,
                () -> api.transactions(user, null, null, -1, 20));

        assertThat(quota.getStatusCode()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
        assertThat(ProblemKind.ofType(quota.getResponseBodyAs(ProblemDetail.class).getType()))
                .contains(ProblemKind.QUOTA_EXHAUSTED);
        assertThat(ProblemKind.ofType(invalid.getResponseBodyAs(ProblemDetail.class).getType()))
                .contains(ProblemKind.BAD_REQUEST);
    }

    @Test
    void ledgerReportsAndPricesReadIntoTheSharedRecords() {
        api.openAccount(user, new OpenAccountRequest(1_000L));
        api.setBalance(user, new BalanceRequest(1_500));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        TransactionPage own = api.transactions(user, today.minusDays(1), today.plusDays(1), 0, 20);
        TransactionPage all = api.allTransactions(user, null, null, 0, 50);
        UsageReport report = api.usage(user, today, today, "day,model");
        UsageReport everyone = api.allUsage(null, null, "model,user", user);

        assertThat(own.items()).extracting(TransactionPage.Transaction::type).contains("ADJUSTMENT_CREDIT");
        assertThat(own.aggregates().totalCredited()).isEqualTo(500);
        assertThat(all.items()).extracting(TransactionPage.Transaction::delta).contains(500L);
        assertThat(report.groupBy()).isEqualTo("day,model");
        assertThat(report.totals()).isNotNull();
        assertThat(everyone.groupBy()).isEqualTo("model,user");
        // the catalog's default price, which every IntegrationTest publishes on catalog.prices
        assertThat(api.prices().defaultPrice()).isEqualTo(PRICE);
        assertThat(api.prices().loaded()).isTrue();
    }
}
