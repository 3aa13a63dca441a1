package dev.parley.ingress.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpMethod;

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

    final AccountingApi accounting = mock(AccountingApi.class);
    final Admission admission = new Admission(accounting, new TokenEstimator(new TokenCounter()), new AdmissionProperties(8),
            new SimpleMeterRegistry());

    @Test
    void reservesTheModelsDefaultOutputLimitAtItsCatalogPriceWhenTheRequestSetsNone() {
        given(accounting.send(eq(HttpMethod.POST), any(), eq(ReservationResponse.class), any()))
                .willReturn(new ReservationResponse("r1", "u1", 1040, 5000, 3960, Instant.EPOCH));

        Admitted admitted = admission.admit("r1", "u1", MOCK, CONTEXT, null, false);

        var request = ArgumentCaptor.forClass(Object.class);
        verify(accounting).send(eq(HttpMethod.POST), request.capture(), eq(ReservationResponse.class), any());
        ReservationRequest sent = (ReservationRequest) request.getValue();
        assertThat(sent.reservationId()).isEqualTo("r1");
        assertThat(sent.maxOutputTokens()).isEqualTo(1024);
        assertThat(sent.estimatedInputTokens()).isPositive();
        assertThat(sent.ownKey()).isFalse();
        assertThat(admitted.maxOutputTokens()).isEqualTo(1024);
        assertThat(admitted.reserved()).isEqualTo(1040);
    }

    @Test
    void anOwnKeyRequestSaysSoToAccounting() {
        given(accounting.send(eq(HttpMethod.POST), any(), eq(ReservationResponse.class), any()))
                .willReturn(new ReservationResponse("r1", "u1", 0, 5000, 5000, Instant.EPOCH));

        admission.admit("r1", "u1", MOCK, CONTEXT, 50, true);

        var request = ArgumentCaptor.forClass(Object.class);
        verify(accounting).send(eq(HttpMethod.POST), request.capture(), eq(ReservationResponse.class), any());
        assertThat(((ReservationRequest) request.getValue()).ownKey()).isTrue();
    }

    @Test
    void aRefusalIsPassedOnAndHoldsNothingToRelease() {
        given(accounting.send(eq(HttpMethod.POST), any(), eq(ReservationResponse.class), any()))
                .willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "0 are available"));

        assertThatThrownBy(() -> admission.admit("r1", "u1", MOCK, CONTEXT, 50, false))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED));
        verify(accounting, never()).delete(any());
    }

    @Test
    void anUnansweredReservationIsReleasedInCaseItWasMade() {
        given(accounting.send(eq(HttpMethod.POST), any(), eq(ReservationResponse.class), any()))
                .willThrow(ApiProblem.unavailable("timed out", null));

        assertThatThrownBy(() -> admission.admit("r1", "u1", MOCK, CONTEXT, 50, false)).isInstanceOf(ApiProblem.class);
        verify(accounting).delete(any());
    }

    @Test
    void aFailedReleaseIsOnlyLogged() {
        doThrow(ApiProblem.unavailable("down", null)).when(accounting).delete(any());

        admission.release("r1", "u1");

        verify(accounting).delete(any());
    }
}
