package dev.parley.ingress.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.Topics;
import dev.parley.ingress.admission.Admission;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** A request is accepted once the broker has it; a failed send cleans up and gives the reservation back. */
class RequestPublisherTest {

    final ChatPublisher kafka = mock(ChatPublisher.class);
    final Admission admission = mock(Admission.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MessageMetrics metrics = new MessageMetrics(registry);
    final RequestPublisher publisher = new RequestPublisher(kafka,
            new ChatAdmission(mock(ChatRoutes.class), admission, metrics), metrics, Runnable::run);
    final AtomicInteger cleanUps = new AtomicInteger();
    final ChatRequested event = ChatRequested.newBuilder().setRequestId("r1").setUserId("u1").setConversationId("")
            .setMessageId("").setProvider("mock").setModel("mock-1").setMessages(java.util.List.of())
            .setParameters(dev.parley.events.GenerationParameters.newBuilder().build())
            .setRequestedAt(java.time.Instant.EPOCH).build();

    @Test
    void aSentRequestIsKeyedByItsIdAndCountedAccepted() {
        given(kafka.publish(Topics.CHAT_REQUESTS, "r1", event)).willReturn(CompletableFuture.completedFuture(null));

        publisher.publish(event, cleanUps::incrementAndGet).join();

        assertThat(registry.get("parley.ingress.messages.accepted").counter().count()).isEqualTo(1);
        assertThat(cleanUps).hasValue(0);
        verify(admission, never()).release(any(), any());
    }

    @Test
    void aFailedSendCleansUpReleasesTheReservationAndIsUnavailable() {
        given(kafka.publish(Topics.CHAT_REQUESTS, "r1", event))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        var sent = publisher.publish(event, cleanUps::incrementAndGet);

        assertThatThrownBy(sent::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.UNAVAILABLE));
        assertThat(cleanUps).hasValue(1);
        verify(admission).release("r1", "u1");
        assertThat(registry.get("parley.ingress.messages.rejected").tag("reason", MessageMetrics.PUBLISH_FAILED)
                .counter().count()).isEqualTo(1);
    }
}
