package dev.parley.ingress.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.contracts.accounting.InternalAccountingApi;
import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;
import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.tokens.TokenCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AdmissionTest {

    static final ModelPrices PRICES = new ModelPrices(150_000, 600_000, 75_000);
    static final CatalogModel MOCK = new CatalogModel("mock-1", null, "mock", 8192, 1024, PRICES, true,
            Instant.EPOCH);
    static final List<ChatMessage> CONTEXT = List.of(new ChatMessage(ChatRole.USER, "Hello there", List.of()));

    final InternalAccountingApi client = mock(InternalAccountingApi.class);
    final AccountingApi accounting = mock(AccountingApi.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    final Reservations reservations = new Reservations(accounting, 8, clock);
    /** No spares unless a test stocks some: every admission calls, as before spares existed. */
    final SparePool spares = new SparePool(4, Duration.ofSeconds(10), reservations, Runnable::run, clock);
    final Admission admission = new Admission(accounting, reservations, spares, new TokenEstimator(new TokenCounter()),
            new AdmissionProperties(8, 4, Duration.ofSeconds(10)), new SimpleMeterRegistry());

    @BeforeEach
    void callsReachTheClient() {
        given(accounting.call(any())).willAnswer(call -> call.<Function<InternalAccountingApi, ?>>getArgument(0)
                .apply(client));
        willAnswer(call -> {
            call.<Consumer<InternalAccountingApi>>getArgument(0).accept(client);
            return null;
        }).given(accounting).run(any());
    }

    @Test
    void reservesTheModelsDefaultOutputLimitAtItsCatalogPriceWhenTheRequestSetsNone() {
        given(client.reserve(any())).willReturn(new ReservationResponse("r1", "u1", 1040, 5000, 3960, Instant.EPOCH));

        Admitted admitted = admit(null, false);

        var request = ArgumentCaptor.forClass(ReservationRequest.class);
        verify(client).reserve(request.capture());
        ReservationRequest sent = request.getValue();
        assertThat(sent.reservationId()).isEqualTo(admitted.requestId());
        assertThat(sent.maxOutputTokens()).isEqualTo(1024);
        assertThat(sent.estimatedInputTokens()).isPositive();
        assertThat(sent.ownKey()).isFalse();
        assertThat(admitted.maxOutputTokens()).isEqualTo(1024);
        assertThat(admitted.reserved()).isEqualTo(1040);
    }

    @Test
    void anOwnKeyRequestSaysSoToAccounting() {
        given(client.reserve(any())).willReturn(new ReservationResponse("r1", "u1", 0, 5000, 5000, Instant.EPOCH));

        admit(50, true);

        var request = ArgumentCaptor.forClass(ReservationRequest.class);
        verify(client).reserve(request.capture());
        assertThat(request.getValue().ownKey()).isTrue();
    }

    @Test
    void aRefusalIsPassedOnAndHoldsNothingToRelease() {
        given(client.reserve(any())).willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "0 are available"));

        assertThatThrownBy(() -> admit(50, false))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED));
        verify(client, never()).release(any(), any());
    }

    @Test
    void anUnansweredReservationIsReleasedInCaseItWasMade() {
        given(client.reserve(any())).willThrow(ApiProblem.unavailable("timed out", null));

        assertThatThrownBy(() -> admit(50, false)).isInstanceOf(ApiProblem.class);
        verify(client).release(anyString(), eq("u1"));
    }

    @Test
    void aGarbledAnswerIsReleasedToo() {
        given(client.reserve(any())).willThrow(new ApiProblem(ProblemKind.UPSTREAM_FAILED, "what?"));

        assertThatThrownBy(() -> admit(50, false)).isInstanceOf(ApiProblem.class);
        verify(client).release(anyString(), eq("u1"));
    }

    @Test
    void aFailedReleaseIsOnlyLogged() {
        willThrow(ApiProblem.unavailable("down", null)).given(client).release(any(), any());

        admission.release("r1", "u1");

        verify(client).release("r1", "u1");
    }

    @Test
    void aRequestThatFitsASpareIsAdmittedWithoutACallUnderTheSparesId() {
        stock(new SparePool.Spare("spare-1", new SparePool.Size(256, 1024), 2000, "org:o1",
                Instant.parse("2026-12-07T10:30:00Z"), clock.instant()));

        Admitted admitted = admit(null, false);

        assertThat(admitted.requestId()).isEqualTo("spare-1");
        assertThat(admitted.reserved()).isEqualTo(2000);
        assertThat(admitted.accountId()).isEqualTo("org:o1");
        assertThat(admitted.maxOutputTokens()).isEqualTo(1024);
        verify(client, never()).reserve(any());
    }

    @Test
    void aRequestTooBigForTheSparesMakesTheCall() {
        stock(new SparePool.Spare("spare-1", new SparePool.Size(256, 100), 2000, "u1",
                Instant.parse("2026-12-07T10:30:00Z"), clock.instant()));
        given(client.reserve(any())).willReturn(new ReservationResponse("r1", "u1", 1040, 5000, 3960, Instant.EPOCH));

        Admitted admitted = admit(null, false);

        assertThat(admitted.requestId()).isNotEqualTo("spare-1");
        verify(client).reserve(any());
    }

    @Test
    void aRefusedRequestGivesBackTheUsersSparesAndIsTriedOnceMore() {
        stock(new SparePool.Spare("spare-1", new SparePool.Size(256, 100), 2000, "u1",
                Instant.parse("2026-12-07T10:30:00Z"), clock.instant()));
        given(client.reserve(any())).willThrow(new ApiProblem(ProblemKind.TOO_MANY_RESERVATIONS, "8 in progress"))
                .willReturn(new ReservationResponse("r1", "u1", 1040, 5000, 3960, Instant.EPOCH));

        Admitted admitted = admit(null, false);

        assertThat(admitted.reserved()).isEqualTo(1040);
        verify(client).release("spare-1", "u1");
        assertThat(spares.size()).isZero();
    }

    @Test
    void anUnclaimedSpareGoesBackToThePool() {
        stock(new SparePool.Spare("spare-1", new SparePool.Size(256, 1024), 2000, "u1",
                Instant.parse("2026-12-07T10:30:00Z"), clock.instant()));

        Admission.Claim claim = admission.claim("u1", MOCK, CONTEXT, null, false);
        admission.unclaim(claim);

        assertThat(claim.requestId()).isEqualTo("spare-1");
        assertThat(spares.size()).isEqualTo(1);
    }

    Admitted admit(Integer maxTokens, boolean ownKey) {
        return admission.admit(admission.claim("u1", MOCK, CONTEXT, maxTokens, ownKey));
    }

    void stock(SparePool.Spare spare) {
        spares.putBack(new SparePool.Key("u1", MOCK.id(), false), spare);
    }
}
