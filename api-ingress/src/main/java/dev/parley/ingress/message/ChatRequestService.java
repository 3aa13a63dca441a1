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
import dev.parley.events.Topics;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.usage.AccountingClient;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;

/**
 * Accepts a user's message: checks model and balance, stores the question and an empty answer, and publishes
 * one ChatRequested with the whole context. Acceptance means the broker has the request.
 */
@Service
@EnableConfigurationProperties(ChatProperties.class)
class ChatRequestService {

    private static final Logger log = LoggerFactory.getLogger(ChatRequestService.class);

    private final ConversationService conversations;
    private final MessageQueries queries;
    private final MessageRepository messages;
    private final MessageOutcomes outcomes;
    private final ModelCatalog catalog;
    private final AccountingClient accounting;
    private final ChatPublisher publisher;
    private final MessageMetrics metrics;
    private final ContextAssembler contextAssembler;
    private final Executor executor;
    private final Clock clock;

    ChatRequestService(ConversationService conversations, MessageQueries queries, MessageRepository messages,
            MessageOutcomes outcomes, ModelCatalog catalog, AccountingClient accounting, ChatPublisher publisher,
            MessageMetrics metrics, ChatProperties properties,
            @Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.messages = messages;
        this.outcomes = outcomes;
        this.catalog = catalog;
        this.accounting = accounting;
        this.publisher = publisher;
        this.metrics = metrics;
        this.contextAssembler = new ContextAssembler(properties.maxContextChars());
        this.executor = executor;
        this.clock = clock;
    }

    CompletableFuture<MessageAcceptedResponse> post(String userId, String conversationId, PostMessageRequest request) {
        ConversationDocument conversation = check(MessageMetrics.NOT_FOUND,
                () -> conversations.requireOwned(userId, conversationId));
        CatalogModel model = resolveModel(request.model(), conversation.model());
        requireBalance(userId);
        List<MessageDocument> history = queries.history(userId, conversationId);
        Exchange exchange = store(conversation, model, request.content());
        ChatRequested event = chatRequested(exchange, contextAssembler.assemble(history, request.content()),
                request);
        return publisher.publish(Topics.CHAT_REQUESTS, exchange.requestId(), event)
                .handleAsync((sent, failure) -> accepted(exchange, failure), executor);
    }

    private CatalogModel resolveModel(String requested, String conversationModel) {
        return catalog.resolve(requested, conversationModel).orElseThrow(() -> {
            metrics.rejected(MessageMetrics.MODEL_UNKNOWN);
            String name = requested == null || requested.isBlank() ? conversationModel : requested;
            return new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + name + "' is not available");
        });
    }

    private void requireBalance(String userId) {
        long balance = check(MessageMetrics.ACCOUNTING_UNAVAILABLE, () -> accounting.account(userId)).balance();
        if (balance <= 0) {
            metrics.rejected(MessageMetrics.QUOTA_EXHAUSTED);
            throw new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "Your token balance is used up");
        }
    }

    private Exchange store(ConversationDocument conversation, CatalogModel model, String content) {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        MessageDocument question = new MessageDocument(new ObjectId().toHexString(), conversation.id(),
                conversation.userId(), MessageRole.USER, content, MessageStatus.COMPLETED, model.id(),
                model.provider(), requestId, null, null, null, null, now, now);
        MessageDocument answer = new MessageDocument(new ObjectId().toHexString(), conversation.id(),
                conversation.userId(), MessageRole.ASSISTANT, "", MessageStatus.PENDING, model.id(),
                model.provider(), requestId, null, null, null, null, now, null);
        messages.insert(List.of(question, answer));
        conversations.touch(conversation.userId(), conversation.id());
        return new Exchange(requestId, question, answer);
    }

    private ChatRequested chatRequested(Exchange exchange, List<ChatMessage> context,
            PostMessageRequest request) {
        MessageDocument answer = exchange.answer();
        return ChatRequested.newBuilder()
                .setRequestId(exchange.requestId())
                .setUserId(answer.userId())
                .setConversationId(answer.conversationId())
                .setMessageId(answer.id())
                .setProvider(answer.provider())
                .setModel(answer.model())
                .setMessages(context)
                .setParameters(GenerationParameters.newBuilder()
                        .setTemperature(request.temperature())
                        .setMaxTokens(request.maxTokens())
                        .build())
                .setRequestedAt(answer.createdAt())
                .build();
    }

    private MessageAcceptedResponse accepted(Exchange exchange, Throwable failure) {
        MessageDocument answer = exchange.answer();
        if (failure != null) {
            log.warn("Could not publish request {}: {}", exchange.requestId(), failure.toString());
            outcomes.publishFailed(answer);
            metrics.rejected(MessageMetrics.PUBLISH_FAILED);
            throw ApiProblem.unavailable("The request could not be queued; send it again", failure);
        }
        metrics.accepted();
        String streamUrl = "/api/conversations/" + answer.conversationId() + "/messages/" + answer.id() + "/stream";
        return new MessageAcceptedResponse(answer.id(), exchange.question().id(), exchange.requestId(), streamUrl);
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
}
