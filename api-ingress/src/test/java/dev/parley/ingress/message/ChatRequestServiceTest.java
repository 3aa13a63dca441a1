package dev.parley.ingress.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.events.ChatRequested;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The order of admission, storage and publishing, with every collaborator a mock. */
class ChatRequestServiceTest {

    static final CatalogModel MOCK = new CatalogModel("mock-1", "mock", true);
    static final ConversationDocument CONVERSATION = new ConversationDocument("c1", "u1", null, null, false,
            Instant.EPOCH, Instant.EPOCH);

    final ConversationService conversations = mock(ConversationService.class);
    final MessageQueries queries = mock(MessageQueries.class);
    final MessageRepository messages = mock(MessageRepository.class);
    final MessageOutcomes outcomes = mock(MessageOutcomes.class);
    final ModelCatalog catalog = mock(ModelCatalog.class);
    final Admission admission = mock(Admission.class);
    final ProviderKeyService providerKeys = mock(ProviderKeyService.class);
    final ChatPublisher publisher = mock(ChatPublisher.class);
    final ChatRequestService service = new ChatRequestService(conversations, queries, messages, outcomes, catalog,
            admission, providerKeys, publisher, new MessageMetrics(new SimpleMeterRegistry()), new ChatProperties(200_000),
            Runnable::run, Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));

    ChatRequestServiceTest() {
        given(conversations.requireOwned("u1", "c1")).willReturn(CONVERSATION);
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(MOCK));
        given(providerKeys.providers("u1")).willReturn(Set.of());
        given(providerKeys.credential(anyString(), eq("u1"), anyString())).willReturn(Optional.empty());
        given(queries.history("u1", "c1")).willReturn(List.of());
    }

    @Test
    void publishedRequestCarriesTheReservedOutputLimit() {
        given(admission.admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(null), eq(false)))
                .willAnswer(call -> new Admitted(call.getArgument(0), 1024, 20, 1044));
        given(publisher.publish(anyString(), anyString(), any())).willReturn(CompletableFuture.completedFuture(null));

        service.post("u1", "c1", new PostMessageRequest("Hello", null, 0.5, null)).join();

        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(publisher).publish(anyString(), anyString(), event.capture());
        assertThat(event.getValue().getParameters().getMaxTokens()).isEqualTo(1024);
        assertThat(event.getValue().getParameters().getTemperature()).isEqualTo(0.5);
        verify(admission, never()).release(anyString(), anyString());
    }

    @Test
    void refusedAdmissionStoresAndPublishesNothing() {
        given(admission.admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(50), eq(false)))
                .willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "The balance does not cover this request"));

        assertThatThrownBy(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, 50)))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED));
        verifyNoInteractions(messages, publisher);
    }

    @Test
    void failedSendReleasesTheReservationAndFailsTheAnswer() {
        given(admission.admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(null), eq(false)))
                .willAnswer(call -> new Admitted(call.getArgument(0), 1024, 20, 1044));
        given(publisher.publish(anyString(), anyString(), any()))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        var accepted = service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null));

        assertThatThrownBy(accepted::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ApiProblem.class);
        var requestId = ArgumentCaptor.forClass(String.class);
        verify(publisher).publish(anyString(), requestId.capture(), any());
        verify(admission).release(requestId.getValue(), "u1");
        verify(outcomes).publishFailed(any());
    }

    @Test
    void failedStorageReleasesTheReservation() {
        given(admission.admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(null), eq(false)))
                .willAnswer(call -> new Admitted(call.getArgument(0), 1024, 20, 1044));
        given(messages.insert(anyList())).willThrow(new IllegalStateException("database down"));

        assertThatThrownBy(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null)))
                .isInstanceOf(IllegalStateException.class);
        verify(admission).release(anyString(), eq("u1"));
        verifyNoInteractions(publisher);
    }
}
