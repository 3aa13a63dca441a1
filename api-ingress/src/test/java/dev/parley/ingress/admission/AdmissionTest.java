package dev.parley.ingress.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
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
    final Admission admission = new Admission(accounting, new TokenEstimator(new TokenCounter()), new AdmissionProperties(8),
            new SimpleMeterRegistry());

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

        Admitted admitted = admission.admit("r1", "u1", MOCK, CONTEXT, null, false);

        var request = ArgumentCaptor.forClass(ReservationRequest.class);
        verify(client).reserve(request.capture());
        ReservationRequest sent = request.getValue();
        assertThat(sent.reservationId()).isEqualTo("r1");
        assertThat(sent.maxOutputTokens()).isEqualTo(1024);
        assertThat(sent.estimatedInputTokens()).isPositive();
        assertThat(sent.ownKey()).isFalse();
        assertThat(admitted.maxOutputTokens()).isEqualTo(1024);
        assertThat(admitted.reserved()).isEqualTo(1040);
    }

    @Test
    void anOwnKeyRequestSaysSoToAccounting() {
        given(client.reserve(any())).willReturn(new ReservationResponse("r1", "u1", 0, 5000, 5000, Instant.EPOCH));

        admission.admit("r1", "u1", MOCK, CONTEXT, 50, true);

        var request = ArgumentCaptor.forClass(ReservationRequest.class);
        verify(client).reserve(request.capture());
        assertThat(request.getValue().ownKey()).isTrue();
    }

    @Test
    void aRefusalIsPassedOnAndHoldsNothingToRelease() {
        given(client.reserve(any())).willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "0 are available"));

        assertThatThrownBy(() -> admission.admit("r1", "u1", MOCK, CONTEXT, 50, false))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED));
        verify(client, never()).release(any(), any());
    }

    @Test
    void anUnansweredReservationIsReleasedInCaseItWasMade() {
        given(client.reserve(any())).willThrow(ApiProblem.unavailable("timed out", null));

        assertThatThrownBy(() -> admission.admit("r1", "u1", MOCK, CONTEXT, 50, false)).isInstanceOf(ApiProblem.class);
        verify(client).release("r1", "u1");
    }

    @Test
    void aGarbledAnswerIsReleasedToo() {
        given(client.reserve(any())).willThrow(new ApiProblem(ProblemKind.UPSTREAM_FAILED, "what?"));

        assertThatThrownBy(() -> admission.admit("r1", "u1", MOCK, CONTEXT, 50, false)).isInstanceOf(ApiProblem.class);
        verify(client).release("r1", "u1");
    }

    @Test
    void aFailedReleaseIsOnlyLogged() {
        willThrow(ApiProblem.unavailable("down", null)).given(client).release(any(), any());

        admission.release("r1", "u1");

        verify(client).release("r1", "u1");
    }
}
