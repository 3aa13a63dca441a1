package dev.parley.ingress.submission;

import static dev.parley.ingress.submission.ChatRequestServiceTest.MOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.tokens.TokenCounter;

/** A request of the OpenAI-compatible edge: stored nowhere, routed, reserved and published like any other. */
class StatelessChatsTest {

    final ChatRoutes routes = mock(ChatRoutes.class);
    final Admission admission = mock(Admission.class);
    final Admission.Claim claim = mock(Admission.Claim.class);
    final ChatPublisher kafka = mock(ChatPublisher.class);
    final MessageMetrics metrics = new MessageMetrics(new SimpleMeterRegistry());
    final ChatAdmission chatAdmission = new ChatAdmission(routes, admission, metrics);
    final StatelessChats stateless = new StatelessChats(routes, chatAdmission,
            new RequestPublisher(kafka, chatAdmission, metrics, Runnable::run), new ChatProperties(200_000, 200),
            new TokenEstimator(new TokenCounter()), metrics,
            Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    final ChatSubmission hello = new ChatSubmission("Hello",
            List.of(new ChatMessage(ChatRole.USER, "Hello", List.of())), null, GenerationParameters.newBuilder().build());

    StatelessChatsTest() {
        given(routes.model("u1", null, null)).willReturn(MOCK);
        given(routes.plan(eq("u1"), any())).willAnswer(call -> new ChatRoutes.Plan("u1", call.getArgument(1), null,
                null));
        given(routes.route(any(), anyString())).willReturn(new ChatRoutes.Route(null, null, false));
        given(claim.requestId()).willReturn("r1");
        given(admission.claim(eq("u1"), any(), anyList(), any(), anyBoolean())).willReturn(claim);
        given(admission.admit(claim)).willReturn(new Admitted("r1", 1024, 20, 1044, "u1",
                Instant.parse("2025-03-01T00:15:00Z")));
        given(kafka.publish(anyString(), anyString(), any())).willReturn(CompletableFuture.completedFuture(null));
    }

    @Test
    void aStatelessRequestNamesNoConversationAndCarriesItsReservation() {
        AcceptedChat accepted = stateless.submit("u1", hello).join();

        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(kafka).publish(anyString(), eq(accepted.requestId()), event.capture());
        assertThat(event.getValue().getConversationId()).isEmpty();
        assertThat(event.getValue().getMessageId()).isEmpty();
        assertThat(event.getValue().getParameters().getMaxTokens()).isEqualTo(1024);
        assertThat(event.getValue().getReservation()).isNotNull();
        assertThat(accepted.conversationId()).isEqualTo(StatelessChats.UNSTORED);
    }

    @Test
    void aStatelessRequestThatCannotBeSentGivesItsReservationBack() {
        given(kafka.publish(anyString(), anyString(), any()))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        var accepted = stateless.submit("u1", hello);

        assertThatThrownBy(accepted::join).hasCauseInstanceOf(ApiProblem.class);
        verify(admission).release(anyString(), eq("u1"));
    }
}
