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

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalog.ProviderRoutes;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.conversation.MessageNode;
import dev.parley.ingress.limit.CapProperties;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;
import dev.parley.platform.tokens.TokenCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The order of checks, admission, storage and publishing, with every collaborator a mock. */
class ChatRequestServiceTest {

    static final CatalogModel MOCK = new CatalogModel("mock-1", "mock", true);
    static final CatalogModel SMALL = new CatalogModel("tiny-1", null, "acme", 300, 100, new ModelPrices(1, 1, 1),
            false, Instant.EPOCH);
    static final CapProperties CAPS = new CapProperties(100, 10_000, 100, 100, 2000, 1000);

    static final ConversationDocument CONVERSATION = new ConversationDocument("c1", "u1", null, null, false,
            Instant.EPOCH, Instant.EPOCH);
    static final ProviderEndpoint ENDPOINT = ProviderEndpoint.newBuilder().setKind("openai-compatible")
            .setBaseUrl("https://models.example/v1").build();

    final ConversationService conversations = mock(ConversationService.class);
    final MessageQueries queries = mock(MessageQueries.class);
    final MessageRepository messages = mock(MessageRepository.class);
    final MessageOutcomes outcomes = mock(MessageOutcomes.class);
    final ModelCatalog catalog = mock(ModelCatalog.class);
    final Admission admission = mock(Admission.class);
    final ProviderKeyService providerKeys = mock(ProviderKeyService.class);
    final ProviderRoutes routes = mock(ProviderRoutes.class);
    final ChatPublisher publisher = mock(ChatPublisher.class);
    final MessageMetrics metrics = new MessageMetrics(new SimpleMeterRegistry());
    final ChatAdmission chatAdmission = new ChatAdmission(catalog, admission, providerKeys, routes, publisher, metrics,
            Runnable::run);
    final ChatRequestService service = new ChatRequestService(conversations, queries, messages, outcomes,
            chatAdmission, new ChatProperties(200_000, 200), new TokenEstimator(new TokenCounter()), metrics, CAPS,
            Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC),
            mock(dev.parley.ingress.attachment.AttachmentContext.class));
    final StatelessChats stateless = new StatelessChats(chatAdmission, new ChatProperties(200_000, 200),
            new TokenEstimator(new TokenCounter()), metrics, Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));

    ChatRequestServiceTest() {
        given(conversations.requireOwned("u1", "c1")).willReturn(CONVERSATION);
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(MOCK));
        given(providerKeys.providers("u1")).willReturn(Set.of());
        given(providerKeys.credential(anyString(), eq("u1"), anyString())).willReturn(Optional.empty());
        given(routes.endpoint(any())).willReturn(Optional.empty());
        given(routes.serverCredential(anyString(), anyString(), any())).willReturn(Optional.empty());
        given(queries.branch(CONVERSATION, 200)).willReturn(List.of());
        given(admission.admit(anyString(), eq("u1"), any(), anyList(), any(), any(Boolean.class)))
                .willAnswer(call -> new Admitted(call.getArgument(0), 1024, 20, 1044, "u1",
                        Instant.parse("2025-03-01T00:15:00Z")));
        given(publisher.publish(anyString(), anyString(), any())).willReturn(CompletableFuture.completedFuture(null));
    }

    @Test
    void publishedRequestCarriesTheReservedOutputLimit() {
        ChatRequested event = post(new PostMessageRequest("Hello", null, 0.5, null));

        assertThat(event.getParameters().getMaxTokens()).isEqualTo(1024);
        assertThat(event.getParameters().getTemperature()).isEqualTo(0.5);
        assertThat(event.getEndpoint()).isNull();
        assertThat(event.getProviderCredential()).isNull();
        verify(admission, never()).release(anyString(), anyString());
    }

    @Test
    void anAdminProvidersRequestCarriesItsEndpointAndTheServersKey() {
        ProviderCredential server = credential(1);
        given(routes.endpoint(MOCK)).willReturn(Optional.of(ENDPOINT));
        given(routes.serverCredential(anyString(), eq("u1"), eq(MOCK))).willReturn(Optional.of(server));

        ChatRequested event = post(new PostMessageRequest("Hello", null, null, null));

        assertThat(event.getEndpoint()).isEqualTo(ENDPOINT);
        assertThat(event.getProviderCredential()).isEqualTo(server);
        assertThat(event.getOwnKey()).isFalse();
        verify(admission).admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(null), eq(false));
    }

    @Test
    void theUsersOwnKeyWinsOverTheServersKey() {
        ProviderCredential own = credential(2);
        given(routes.endpoint(MOCK)).willReturn(Optional.of(ENDPOINT));
        given(providerKeys.credential(anyString(), eq("u1"), eq("mock"))).willReturn(Optional.of(own));

        ChatRequested event = post(new PostMessageRequest("Hello", null, null, null));

        assertThat(event.getProviderCredential()).isEqualTo(own);
        assertThat(event.getOwnKey()).isTrue();
        assertThat(event.getEndpoint()).isEqualTo(ENDPOINT);
        verify(routes, never()).serverCredential(anyString(), anyString(), any());
        verify(admission).admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(null), eq(true));
    }

    @Test
    void aRefusedProviderAddressReservesStoresAndPublishesNothing() {
        given(routes.endpoint(MOCK)).willThrow(new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED,
                "The host 'models.example' resolves to 10.0.0.5, an internal address"));

        assertProblem(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null)),
                ProblemKind.OUTBOUND_ADDRESS_REFUSED);
        verifyNoInteractions(admission, messages, publisher);
    }

    @Test
    void moreOutputThanTheModelGivesIsAValidationProblemOfMaxTokens() {
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(SMALL));

        ApiProblem problem = assertProblem(() -> service.post("u1", "c1",
                new PostMessageRequest("Hello", null, null, 101)), ProblemKind.VALIDATION);

        assertThat(problem.getBody().getProperties().get("errors").toString()).contains("maxTokens").contains("100");
        verifyNoInteractions(admission, messages, publisher);
    }

    @Test
    void theOldestTurnsAreLeftOutUntilTheContextFitsTheWindow() {
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(SMALL));
        List<MessageDocument> history = new ArrayList<>();
        for (int turn = 0; turn < 20; turn++) {
            history.add(ContextAssemblerTest.question("question number " + turn + " about something"));
            history.add(ContextAssemblerTest.answer(MessageStatus.COMPLETED, "answer number " + turn));
        }
        given(queries.branch(CONVERSATION, 200)).willReturn(history);

        ChatRequested event = post(new PostMessageRequest("And now?", null, null, null));

        List<ChatMessage> sent = event.getMessages();
        assertThat(sent.size()).isBetween(2, 39);
        assertThat(sent.getFirst().getRole()).isEqualTo(ChatRole.USER);
        assertThat(sent.getLast().getContent()).isEqualTo("And now?");
        assertThat(sent.get(sent.size() - 2).getContent()).isEqualTo("answer number 19");
        assertThat(new TokenEstimator(new TokenCounter()).estimate("tiny-1", sent) + 100).isLessThanOrEqualTo(300);
    }

    @Test
    void turnsBeyondTheMessageLimitAreLeftOutOfTheContext() {
        var limited = new ChatRequestService(conversations, queries, messages, outcomes, chatAdmission,
                new ChatProperties(200_000, 3), new TokenEstimator(new TokenCounter()), metrics, CAPS, Clock.systemUTC(),
                mock(dev.parley.ingress.attachment.AttachmentContext.class));
        // the store reads at most the newest 3; a store that returns more is trimmed all the same
        given(queries.branch(CONVERSATION, 3)).willReturn(List.of(
                ContextAssemblerTest.question("q1"), ContextAssemblerTest.answer(MessageStatus.COMPLETED, "a1"),
                ContextAssemblerTest.question("q2"), ContextAssemblerTest.answer(MessageStatus.COMPLETED, "a2")));

        limited.post("u1", "c1", new PostMessageRequest("q3", null, null, null)).join();

        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(publisher).publish(anyString(), anyString(), event.capture());
        assertThat(event.getValue().getMessages()).extracting(ChatMessage::getContent)
                .containsExactly("q2", "a2", "q3");
    }

    @Test
    void aNewMessageThatCannotFitIsAContextWindowProblemWithBothNumbers() {
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(SMALL));

        ApiProblem problem = assertProblem(() -> service.post("u1", "c1", new PostMessageRequest(
                "word ".repeat(400), null, null, null)), ProblemKind.CONTEXT_WINDOW_EXCEEDED);

        Map<String, Object> properties = problem.getBody().getProperties();
        assertThat((Long) properties.get("inputTokens")).isGreaterThan(200);
        assertThat(properties).containsEntry("maxOutputTokens", 100).containsEntry("contextWindow", 300);
        verifyNoInteractions(admission, messages, publisher);
    }

    @Test
    void aSuppliedContextIsNotTrimmedButRefusedWhenItDoesNotFit() {
        given(catalog.resolve(any(), any(), any())).willReturn(Optional.of(SMALL));
        List<ChatMessage> context = new ArrayList<>();
        for (int turn = 0; turn < 30; turn++) {
            context.add(new ChatMessage(ChatRole.USER, "question number " + turn, List.of()));
        }

        assertProblem(() -> service.submit(CONVERSATION, new ChatSubmission("q", context, "tiny-1",
                GenerationParameters.newBuilder().build())), ProblemKind.CONTEXT_WINDOW_EXCEEDED);
        verifyNoInteractions(admission, messages, publisher);
    }

    @Test
    void theRequestCarriesItsReservationForTheWorkerAndForSettlement() {
        ChatRequested event = post(new PostMessageRequest("Hello", null, null, null));

        assertThat(event.getReservation().getAccountId()).isEqualTo("u1");
        assertThat(event.getReservation().getAmount()).isEqualTo(1044);
        assertThat(event.getReservation().getExpiresAt()).isEqualTo(Instant.parse("2025-03-01T00:15:00Z"));
    }

    @Test
    void aStatelessRequestStoresNothingAndNamesNoConversation() {
        AcceptedChat accepted = stateless.submit("u1", new ChatSubmission("Hello",
                List.of(new ChatMessage(ChatRole.USER, "Hello", List.of())), null, GenerationParameters.newBuilder().build()))
                .join();

        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(publisher).publish(anyString(), eq(accepted.requestId()), event.capture());
        assertThat(event.getValue().getConversationId()).isEmpty();
        assertThat(event.getValue().getMessageId()).isEmpty();
        assertThat(event.getValue().getParameters().getMaxTokens()).isEqualTo(1024);
        assertThat(event.getValue().getReservation()).isNotNull();
        verifyNoInteractions(conversations, queries, messages, outcomes);
    }

    @Test
    void aStatelessRequestThatCannotBeSentGivesItsReservationBack() {
        given(publisher.publish(anyString(), anyString(), any()))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        var accepted = stateless.submit("u1", new ChatSubmission("Hello",
                List.of(new ChatMessage(ChatRole.USER, "Hello", List.of())), null, GenerationParameters.newBuilder().build()));

        assertThatThrownBy(accepted::join).hasCauseInstanceOf(ApiProblem.class);
        verify(admission).release(anyString(), eq("u1"));
        verifyNoInteractions(messages, outcomes);
    }

    @Test
    void refusedAdmissionStoresAndPublishesNothing() {
        given(admission.admit(anyString(), eq("u1"), eq(MOCK), anyList(), eq(50), eq(false)))
                .willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "The balance does not cover this request"));

        assertProblem(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, 50)),
                ProblemKind.QUOTA_EXHAUSTED);
        verifyNoInteractions(messages, publisher);
    }

    @Test
    void failedSendReleasesTheReservationAndFailsTheAnswer() {
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
        given(messages.insert(anyList())).willThrow(new IllegalStateException("database down"));

        assertThatThrownBy(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null)))
                .isInstanceOf(IllegalStateException.class);
        verify(admission).release(anyString(), eq("u1"));
        verifyNoInteractions(publisher);
    }

    ChatRequested post(PostMessageRequest request) {
        service.post("u1", "c1", request).join();
        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(publisher).publish(anyString(), anyString(), event.capture());
        return event.getValue();
    }

    static ApiProblem assertProblem(Runnable call, ProblemKind kind) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            assertThat(problem.kind()).isEqualTo(kind);
            return problem;
        }
        throw new AssertionError("expected a " + kind + " problem");
    }

    static ProviderCredential credential(int version) {
        return ProviderCredential.newBuilder().setKeyVersion(version).setIv(ByteBuffer.wrap(new byte[12]))
                .setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
    }

    @Test
    void aConversationAtItsMessageCapTakesNoMoreAndReservesNothing() {
        List<MessageNode> nodes = java.util.stream.IntStream.range(0, 1999)
                .mapToObj(i -> new MessageNode("m" + i, i == 0 ? "root" : "m" + (i - 1))).toList();
        var full = new ConversationDocument("c1", "u1", "Full", null, false, Instant.EPOCH, Instant.EPOCH, null,
                "m1998", null, nodes);
        given(conversations.requireOwned("u1", "c1")).willReturn(full);
        given(queries.branch(full, 200)).willReturn(List.of());

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
                () -> service.post("u1", "c1", new PostMessageRequest("one more", null, null, null)));

        assertThat(refused.kind()).isEqualTo(ProblemKind.LIMIT_REACHED);
        verifyNoInteractions(admission, publisher);
    }
}
