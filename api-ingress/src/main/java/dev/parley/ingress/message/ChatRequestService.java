package dev.parley.ingress.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.GenerationParameters;
import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.events.Topics;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ProviderRoutes;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.project.SystemPrompt;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;

/**
 * Accepts a user's message: checks the model and its limits, reserves the request's worst-case cost (nothing is
 * stored or published when that is refused), stores the question and an empty answer, and publishes one
 * ChatRequested with the whole context, the reserved output limit and, for an admin's provider, where to call it
 * and with which key. Acceptance means the broker has the request; a failed send gives the reservation back.
 */
@Service
@EnableConfigurationProperties(ChatProperties.class)
public class ChatRequestService {

    private static final Logger log = LoggerFactory.getLogger(ChatRequestService.class);

    private final ConversationService conversations;
    private final MessageQueries queries;
    private final MessageRepository messages;
    private final MessageOutcomes outcomes;
    private final ModelCatalog catalog;
    private final Admission admission;
    private final ProviderKeyService providerKeys;
    private final ProviderRoutes routes;
    private final ChatPublisher publisher;
    private final MessageMetrics metrics;
    private final ContextAssembler contextAssembler;
    private final ContextWindow contextWindow;
    private final int maxContextChars;
    private final Executor executor;
    private final Clock clock;

    ChatRequestService(ConversationService conversations, MessageQueries queries, MessageRepository messages,
            MessageOutcomes outcomes, ModelCatalog catalog, Admission admission, ProviderKeyService providerKeys,
            ProviderRoutes routes, ChatPublisher publisher, MessageMetrics metrics, ChatProperties properties,
            TokenEstimator tokens, @Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.messages = messages;
        this.outcomes = outcomes;
        this.catalog = catalog;
        this.admission = admission;
        this.providerKeys = providerKeys;
        this.routes = routes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.contextAssembler = new ContextAssembler(properties.maxContextChars(), properties.maxContextMessages());
        this.contextWindow = new ContextWindow(tokens);
        this.maxContextChars = properties.maxContextChars();
        this.executor = executor;
        this.clock = clock;
    }

    CompletableFuture<MessageAcceptedResponse> post(String userId, String conversationId, PostMessageRequest request) {
        ConversationDocument conversation = check(MessageMetrics.NOT_FOUND,
                () -> conversations.requireOwned(userId, conversationId));
        List<MessageDocument> branch = queries.history(userId, conversationId);
        return answer(conversation, Turn.after(branch), branch, request.content(), request);
    }

    /**
     * Accepts an exchange at a place of the conversation's tree (a new message, an edited question, another
     * answer), with the given branch as history. Absent settings fall back to the conversation's defaults.
     */
    CompletableFuture<MessageAcceptedResponse> answer(ConversationDocument conversation, Turn turn,
            List<MessageDocument> history, String content, PostMessageRequest settings) {
        CatalogModel model = resolveModel(conversation.userId(), settings.model(), conversation.model());
        int outputLimit = check(MessageMetrics.MAX_TOKENS, () -> ContextWindow.outputLimit(model,
                settings.maxTokens()));
        // the project's prompt as it is now: a new version applies from the next message on
        SystemPrompt prompt = conversations.systemPrompt(conversation).orElse(null);
        List<ChatMessage> assembled = contextAssembler.assemble(prompt == null ? null : prompt.content(), history,
                content);
        List<ChatMessage> context = check(MessageMetrics.CONTEXT_WINDOW_EXCEEDED,
                () -> contextWindow.fit(model, assembled, outputLimit));
        GenerationParameters parameters = GenerationParameters.newBuilder()
                .setTemperature(settings.temperature() != null ? settings.temperature() : conversation.temperature())
                .setMaxTokens(settings.maxTokens())
                .build();
        String webhook = settings.webhookUrl();
        return publish(conversation, model, turn, content, context, parameters, prompt, webhook).thenApply(accepted -> {
            String streamUrl = "/api/conversations/" + accepted.conversationId() + "/messages/"
                    + accepted.messageId() + "/stream";
            return new MessageAcceptedResponse(accepted.messageId(), accepted.questionId(), accepted.requestId(),
                    streamUrl);
        });
    }

    /**
     * Accepts a request whose whole context the caller supplies (the OpenAI-compatible edge), through the same
     * checks, storage and metrics as a posted message. The context must fit the budget and the model's window: it
     * is not trimmed, since the caller chose it.
     */
    public CompletableFuture<AcceptedChat> submit(ConversationDocument conversation, ChatSubmission submission) {
        CatalogModel model = resolveModel(conversation.userId(), submission.model(), conversation.model());
        requireWithinBudget(submission.context());
        int outputLimit = check(MessageMetrics.MAX_TOKENS, () -> ContextWindow.outputLimit(model,
                submission.parameters().getMaxTokens()));
        check(MessageMetrics.CONTEXT_WINDOW_EXCEEDED, () -> {
            contextWindow.require(model, submission.context(), outputLimit);
            return model;
        });
        return publish(conversation, model, Turn.newest(), submission.question(), submission.context(),
                submission.parameters(), null, null);
    }

    private CompletableFuture<AcceptedChat> publish(ConversationDocument conversation, CatalogModel model,
            Turn turn, String question, List<ChatMessage> context, GenerationParameters parameters,
            SystemPrompt prompt, String webhookUrl) {
        String requestId = UUID.randomUUID().toString();
        Route route = route(requestId, conversation.userId(), model);
        Admitted admitted = admit(requestId, conversation.userId(), model, context, parameters.getMaxTokens(),
                route.ownKey());
        Exchange exchange;
        try {
            exchange = store(conversation, model, turn, question, requestId, prompt, webhookUrl);
        } catch (RuntimeException e) {
            admission.release(requestId, conversation.userId());
            throw e;
        }
        // always the reserved limit, so that the provider can never write more than the reservation assumed
        GenerationParameters limited = GenerationParameters.newBuilder(parameters)
                .setMaxTokens(admitted.maxOutputTokens())
                .build();
        ChatRequested event = chatRequested(exchange, context, limited, route);
        return publisher.publish(Topics.CHAT_REQUESTS, exchange.requestId(), event)
                .handleAsync((sent, failure) -> accepted(exchange, failure), executor);
    }

    private void requireWithinBudget(List<ChatMessage> context) {
        long chars = context.stream().mapToLong(message -> message.getContent().length()).sum();
        if (chars > maxContextChars) {
            metrics.rejected(MessageMetrics.CONTEXT_TOO_LONG);
            throw ApiProblem.validation("messages", "hold " + chars + " characters, more than the "
                    + maxContextChars + " a request may carry").with("code", "context_length_exceeded");
        }
    }

    private CatalogModel resolveModel(String userId, String requested, String conversationModel) {
        return catalog.resolve(requested, conversationModel, providerKeys.providers(userId)).orElseThrow(() -> {
            metrics.rejected(MessageMetrics.MODEL_UNKNOWN);
            String name = requested == null || requested.isBlank() ? conversationModel : requested;
            return new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + name + "' is not available");
        });
    }

    /**
     * Where and with which key the worker calls the provider: the user's own key when they stored one (it wins),
     * else for an admin's provider the server's key; an admin's provider's address is checked again now.
     */
    private Route route(String requestId, String userId, CatalogModel model) {
        ProviderEndpoint endpoint = check(MessageMetrics.OUTBOUND_ADDRESS_REFUSED, () -> routes.endpoint(model))
                .orElse(null);
        ProviderCredential own = providerKeys.credential(requestId, userId, model.provider()).orElse(null);
        if (own != null) {
            return new Route(endpoint, own, true);
        }
        return new Route(endpoint, routes.serverCredential(requestId, userId, model).orElse(null), false);
    }

    private Admitted admit(String requestId, String userId, CatalogModel model, List<ChatMessage> context,
            Integer maxTokens, boolean ownKey) {
        try {
            return admission.admit(requestId, userId, model, context, maxTokens, ownKey);
        } catch (ApiProblem problem) {
            metrics.rejected(switch (problem.kind()) {
                case QUOTA_EXHAUSTED -> MessageMetrics.QUOTA_EXHAUSTED;
                case TOO_MANY_RESERVATIONS -> MessageMetrics.TOO_MANY_RESERVATIONS;
                default -> MessageMetrics.ACCOUNTING_UNAVAILABLE;
            });
            throw problem;
        }
    }

    private Exchange store(ConversationDocument conversation, CatalogModel model, Turn turn, String content,
            String requestId, SystemPrompt prompt, String webhookUrl) {
        Instant now = clock.instant();
        MessageDocument question = turn.existingQuestion() != null ? turn.existingQuestion()
                : new MessageDocument(new ObjectId().toHexString(), conversation.id(), conversation.userId(),
                        MessageRole.USER, content, MessageStatus.COMPLETED, model.id(), model.provider(), requestId,
                        null, null, null, null, now, now, turn.questionParentId());
        MessageDocument answer = new MessageDocument(new ObjectId().toHexString(), conversation.id(),
                conversation.userId(), MessageRole.ASSISTANT, "", MessageStatus.PENDING, model.id(),
                model.provider(), requestId, null, null, null, null, now, null,
                turn.questionParentId() == null && turn.existingQuestion() == null ? null : question.id(),
                prompt == null ? null : prompt.promptId(), prompt == null ? null : prompt.version(), webhookUrl);
        messages.insert(turn.existingQuestion() != null ? List.of(answer) : List.of(question, answer));
        conversations.touch(conversation.userId(), conversation.id(), answer.id());
        return new Exchange(requestId, question, answer);
    }

    private ChatRequested chatRequested(Exchange exchange, List<ChatMessage> context,
            GenerationParameters parameters, Route route) {
        MessageDocument answer = exchange.answer();
        return ChatRequested.newBuilder()
                .setRequestId(exchange.requestId())
                .setUserId(answer.userId())
                .setConversationId(answer.conversationId())
                .setMessageId(answer.id())
                .setProvider(answer.provider())
                .setModel(answer.model())
                .setMessages(context)
                .setParameters(parameters)
                .setRequestedAt(answer.createdAt())
                .setProviderCredential(route.credential())
                .setOwnKey(route.ownKey())
                .setEndpoint(route.endpoint())
                .build();
    }

    private AcceptedChat accepted(Exchange exchange, Throwable failure) {
        MessageDocument answer = exchange.answer();
        if (failure != null) {
            log.warn("Could not publish request {}: {}", exchange.requestId(), failure.toString());
            outcomes.publishFailed(answer);
            admission.release(exchange.requestId(), answer.userId());
            metrics.rejected(MessageMetrics.PUBLISH_FAILED);
            throw ApiProblem.unavailable("The request could not be queued; send it again", failure);
        }
        metrics.accepted();
        return new AcceptedChat(exchange.requestId(), answer.conversationId(), answer.id(), exchange.question().id(),
                answer.model(), answer.createdAt());
    }

    private <T> T check(String reason, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiProblem problem) {
            metrics.rejected(reason);
            throw problem;
        }
    }

    private record Exchange(String requestId, MessageDocument question, MessageDocument answer) {
    }

    /** @param ownKey the credential is the user's own key */
    private record Route(ProviderEndpoint endpoint, ProviderCredential credential, boolean ownKey) {
    }
}
