package dev.parley.ingress.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.attachment.AttachmentContext;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.Exchanges;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.conversation.MessageNode;
import dev.parley.ingress.limit.CapProperties;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageOutcomes;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.MessageStatus;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.tokens.TokenCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The order of checks, routing, reservation, storage and publishing. Routing, storage and the broker are mocks at
 * their seams (their own behaviour: {@link ChatRoutesTest}, {@code ExchangesTest}, {@link RequestPublisherTest}).
 */
class ChatRequestServiceTest {

    static final CatalogModel MOCK = new CatalogModel("mock-1", "mock", true);
    static final CatalogModel SMALL = new CatalogModel("tiny-1", null, "acme", 300, 100, new ModelPrices(1, 1, 1),
            false, Instant.EPOCH);
    static final CapProperties CAPS = new CapProperties(100, 10_000, 100, 100, 2000, 1000);

    static final ConversationDocument CONVERSATION = new ConversationDocument("c1", "u1", null, null, false,
            Instant.EPOCH, Instant.EPOCH);
    final ConversationService conversations = mock(ConversationService.class);
    final MessageQueries queries = mock(MessageQueries.class);
    final Exchanges exchanges = mock(Exchanges.class);
    final MessageOutcomes outcomes = mock(MessageOutcomes.class);
    final ChatRoutes routes = mock(ChatRoutes.class);
    final Admission admission = mock(Admission.class);
    final Admission.Claim claim = mock(Admission.Claim.class);
    final ChatPublisher kafka = mock(ChatPublisher.class);
    final MessageMetrics metrics = new MessageMetrics(new SimpleMeterRegistry());
    final ChatRequestService service = service(new ChatProperties(200_000, 200));

    ChatRequestServiceTest() {
        given(conversations.requireOwned("u1", "c1")).willReturn(CONVERSATION);
        given(routes.model(eq("u1"), any(), any())).willReturn(MOCK);
        given(routes.plan(eq("u1"), any())).willAnswer(call -> new ChatRoutes.Plan("u1", call.getArgument(1), null,
                null));
        given(routes.route(any(), anyString())).willReturn(new ChatRoutes.Route(null, null, false));
        given(queries.branch(CONVERSATION, 200)).willReturn(List.of());
        given(exchanges.store(any(), any(), any(), any())).willAnswer(call -> stored(call.getArgument(2),
                call.getArgument(3)));
        given(claim.requestId()).willReturn("r1");
        given(admission.claim(eq("u1"), any(), anyList(), any(), anyBoolean())).willReturn(claim);
        given(admission.admit(claim)).willReturn(new Admitted("r1", 1024, 20, 1044, "u1",
                Instant.parse("2025-03-01T00:15:00Z")));
        given(kafka.publish(anyString(), anyString(), any())).willReturn(CompletableFuture.completedFuture(null));
    }

    ChatRequestService service(ChatProperties properties) {
        return new ChatRequestService(conversations, queries, exchanges, outcomes, routes,
                new ChatAdmission(routes, admission, metrics),
                new RequestPublisher(kafka, new ChatAdmission(routes, admission, metrics), metrics, Runnable::run),
                properties,
                new TokenEstimator(new TokenCounter()), metrics, CAPS, mock(AttachmentContext.class));
    }

    /** What the store would hold: the question and the pending answer, with the answer's settings. */
    static Exchanges.Exchange stored(Exchanges.Question question, Exchanges.Answer answer) {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        return new Exchanges.Exchange(
                new MessageDocument("q1", "c1", "u1", MessageRole.USER, question.content(), MessageStatus.COMPLETED,
                        answer.model(), answer.provider(), answer.requestId(), null, null, null, null, now, now, null,
                        null, null, null, question.attachments(), null, null),
                new MessageDocument("a1", "c1", "u1", MessageRole.ASSISTANT, "", MessageStatus.PENDING,
                        answer.model(), answer.provider(), answer.requestId(), null, null, null, null, now, null, "q1",
                        answer.promptId(), answer.promptVersion(), answer.webhookUrl(), List.of(),
                        answer.temperature(), answer.maxTokens()));
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
    void aRefusedProviderAddressReservesStoresAndPublishesNothing() {
        given(routes.plan("u1", MOCK)).willThrow(new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED,
                "The host 'models.example' resolves to 10.0.0.5, an internal address"));

        assertProblem(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null)),
                ProblemKind.OUTBOUND_ADDRESS_REFUSED);
        verifyNoInteractions(admission, exchanges, kafka);
    }

    @Test
    void moreOutputThanTheModelGivesIsAValidationProblemOfMaxTokens() {
        given(routes.model(eq("u1"), any(), any())).willReturn(SMALL);

        ApiProblem problem = assertProblem(() -> service.post("u1", "c1",
                new PostMessageRequest("Hello", null, null, 101)), ProblemKind.VALIDATION);

        assertThat(problem.getBody().getProperties().get("errors").toString()).contains("maxTokens").contains("100");
        verifyNoInteractions(admission, exchanges, kafka);
    }

    @Test
    void theOldestTurnsAreLeftOutUntilTheContextFitsTheWindow() {
        given(routes.model(eq("u1"), any(), any())).willReturn(SMALL);
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
        var limited = service(new ChatProperties(200_000, 3));
        // the store reads at most the newest 3; a store that returns more is trimmed all the same
        given(queries.branch(CONVERSATION, 3)).willReturn(List.of(
                ContextAssemblerTest.question("q1"), ContextAssemblerTest.answer(MessageStatus.COMPLETED, "a1"),
                ContextAssemblerTest.question("q2"), ContextAssemblerTest.answer(MessageStatus.COMPLETED, "a2")));

        limited.post("u1", "c1", new PostMessageRequest("q3", null, null, null)).join();

        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(kafka).publish(anyString(), anyString(), event.capture());
        assertThat(event.getValue().getMessages()).extracting(ChatMessage::getContent)
                .containsExactly("q2", "a2", "q3");
    }

    @Test
    void aNewMessageThatCannotFitIsAContextWindowProblemWithBothNumbers() {
        given(routes.model(eq("u1"), any(), any())).willReturn(SMALL);

        ApiProblem problem = assertProblem(() -> service.post("u1", "c1", new PostMessageRequest(
                "word ".repeat(400), null, null, null)), ProblemKind.CONTEXT_WINDOW_EXCEEDED);

        Map<String, Object> properties = problem.getBody().getProperties();
        assertThat((Long) properties.get("inputTokens")).isGreaterThan(200);
        assertThat(properties).containsEntry("maxOutputTokens", 100).containsEntry("contextWindow", 300);
        verifyNoInteractions(admission, exchanges, kafka);
    }

    @Test
    void aSuppliedContextIsNotTrimmedButRefusedWhenItDoesNotFit() {
        given(routes.model(eq("u1"), any(), any())).willReturn(SMALL);
        List<ChatMessage> context = new ArrayList<>();
        for (int turn = 0; turn < 30; turn++) {
            context.add(new ChatMessage(ChatRole.USER, "question number " + turn, List.of()));
        }

        assertProblem(() -> service.submit(CONVERSATION, new ChatSubmission("q", context, "tiny-1",
                GenerationParameters.newBuilder().build())), ProblemKind.CONTEXT_WINDOW_EXCEEDED);
        verifyNoInteractions(admission, exchanges, kafka);
    }

    @Test
    void theRequestCarriesItsReservationForTheWorkerAndForSettlement() {
        ChatRequested event = post(new PostMessageRequest("Hello", null, null, null));

        assertThat(event.getReservation().getAccountId()).isEqualTo("u1");
        assertThat(event.getReservation().getAmount()).isEqualTo(1044);
        assertThat(event.getReservation().getExpiresAt()).isEqualTo(Instant.parse("2025-03-01T00:15:00Z"));
    }

    @Test
    void refusedAdmissionStoresAndPublishesNothing() {
        given(admission.claim(eq("u1"), eq(MOCK), anyList(), eq(50), eq(false))).willReturn(claim);
        given(admission.admit(claim)).willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "The balance does not cover this request"));

        assertProblem(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, 50)),
                ProblemKind.QUOTA_EXHAUSTED);
        verifyNoInteractions(exchanges, kafka);
    }

    @Test
    void failedSendReleasesTheReservationAndFailsTheAnswer() {
        given(kafka.publish(anyString(), anyString(), any()))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        var accepted = service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null));

        assertThatThrownBy(accepted::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ApiProblem.class);
        var requestId = ArgumentCaptor.forClass(String.class);
        verify(kafka).publish(anyString(), requestId.capture(), any());
        verify(admission).release(requestId.getValue(), "u1");
        verify(outcomes).publishFailed(argThat(answer -> answer.id().equals("a1")));
    }

    @Test
    void failedStorageReleasesTheReservation() {
        willThrow(new IllegalStateException("database down")).given(exchanges).store(any(), any(), any(), any());

        assertThatThrownBy(() -> service.post("u1", "c1", new PostMessageRequest("Hello", null, null, null)))
                .isInstanceOf(IllegalStateException.class);
        verify(admission).release(anyString(), eq("u1"));
        verifyNoInteractions(kafka);
    }

    ChatRequested post(PostMessageRequest request) {
        service.post("u1", "c1", request).join();
        var event = ArgumentCaptor.forClass(ChatRequested.class);
        verify(kafka).publish(anyString(), anyString(), event.capture());
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
        verifyNoInteractions(admission, kafka);
    }
}
