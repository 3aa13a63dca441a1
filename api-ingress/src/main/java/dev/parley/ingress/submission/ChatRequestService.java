package dev.parley.ingress.submission;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.attachment.AttachmentContext;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.limit.CapProperties;
import dev.parley.ingress.limit.Caps;
import dev.parley.ingress.message.Exchanges;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageOutcomes;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.Turn;
import dev.parley.ingress.project.SystemPrompt;
import dev.parley.platform.logging.LogContext;

/**
 * Accepts a user's message in a conversation: checks the model and its limits, builds the context, then routes
 * ({@link ChatRoutes}), reserves the worst-case cost ({@link ChatAdmission}; nothing is stored or published when
 * either is refused), stores the question and an empty answer ({@link Exchanges}) and publishes one ChatRequested
 * ({@link RequestPublisher}). Acceptance means the broker has the request; a failed send marks the answer failed
 * and gives the reservation back.
 */
@Service
@EnableConfigurationProperties(ChatProperties.class)
public class ChatRequestService {

    private static final String NATIVE = "native";

    private final ConversationService conversations;
    private final MessageQueries queries;
    private final Exchanges exchanges;
    private final MessageOutcomes outcomes;
    private final ChatRoutes routes;
    private final ChatAdmission admission;
    private final RequestPublisher publisher;
    private final ContextAssembler contextAssembler;
    private final ContextWindow contextWindow;
    private final ContextBudget budget;
    private final AttachmentFit attachmentFit;
    private final AttachmentContext attachments;
    private final ChatProperties properties;
    private final int maxMessagesPerConversation;
    private final MessageMetrics metrics;

    ChatRequestService(ConversationService conversations, MessageQueries queries, Exchanges exchanges,
            MessageOutcomes outcomes, ChatRoutes routes, ChatAdmission admission, RequestPublisher publisher,
            ChatProperties properties, TokenEstimator tokens, MessageMetrics metrics, CapProperties caps,
            AttachmentContext attachments) {
        this.conversations = conversations;
        this.queries = queries;
        this.exchanges = exchanges;
        this.outcomes = outcomes;
        this.routes = routes;
        this.admission = admission;
        this.publisher = publisher;
        this.contextAssembler = new ContextAssembler(properties.maxContextChars(), properties.maxContextMessages());
        this.contextWindow = new ContextWindow(tokens);
        this.budget = new ContextBudget(properties.maxContextChars(), metrics);
        this.attachmentFit = new AttachmentFit(tokens);
        this.attachments = attachments;
        this.properties = properties;
        this.maxMessagesPerConversation = caps.maxMessagesPerConversation();
        this.metrics = metrics;
    }

    CompletableFuture<MessageAcceptedResponse> post(String userId, String conversationId, PostMessageRequest request) {
        return metrics.timeAccept(NATIVE, () -> {
            ConversationDocument conversation = metrics.check(MessageMetrics.NOT_FOUND,
                    () -> conversations.requireOwned(userId, conversationId));
            List<MessageDocument> branch = queries.branch(conversation, properties.maxContextMessages());
            return answer(conversation, Turn.after(branch), branch, request.content(), request.attachmentIds(),
                    request);
        });
    }

    /**
     * Accepts an exchange at a place of the conversation's tree (a new message, an edited question, another
     * answer), with the given branch as history. Absent settings fall back to the conversation's defaults.
     */
    CompletableFuture<MessageAcceptedResponse> answer(ConversationDocument conversation, Turn turn,
            List<MessageDocument> history, String content, List<String> attachmentIds,
            PostMessageRequest settings) {
        requireRoom(conversation, turn);
        CatalogModel model = routes.model(conversation.userId(), settings.model(), conversation.model());
        int outputLimit = metrics.check(MessageMetrics.MAX_TOKENS, () -> ContextWindow.outputLimit(model,
                settings.maxTokens()));
        // the project's prompt as it is now: a new version applies from the next message on
        SystemPrompt prompt = conversations.systemPrompt(conversation).orElse(null);
        String system = prompt == null ? null : prompt.content();
        var historyFiles = AttachmentFit.refsOf(history);
        // a conversation without files costs nothing more
        AttachmentContext.Files files = attachmentIds.isEmpty() && historyFiles.isEmpty()
                ? AttachmentContext.Files.NONE
                : metrics.check(MessageMetrics.ATTACHMENTS, () -> attachments.resolve(conversation.userId(),
                        conversation.id(), attachmentIds, historyFiles, model.vision(), properties.maxContextChars()));
        ChatMessage question = attachmentFit.fit(model, system, content, files.newMessage(), outputLimit,
                properties.maxContextChars()).message(ChatRole.USER, content);
        List<ChatMessage> assembled = contextAssembler.assemble(system, history, files.history(), question);
        List<ChatMessage> context = metrics.check(MessageMetrics.CONTEXT_WINDOW_EXCEEDED,
                () -> contextWindow.fit(model, assembled, outputLimit));
        GenerationParameters parameters = GenerationParameters.newBuilder()
                .setTemperature(settings.temperature() != null ? settings.temperature() : conversation.temperature())
                .setMaxTokens(settings.maxTokens())
                .build();
        return publish(conversation, model, turn, new Exchanges.Question(content, files.newRefs()), context,
                parameters, prompt, settings.webhookUrl()).thenApply(accepted -> {
            String streamUrl = "/api/conversations/" + accepted.conversationId() + "/messages/"
                    + accepted.messageId() + "/stream";
            return new MessageAcceptedResponse(accepted.messageId(), accepted.questionId(), accepted.requestId(),
                    streamUrl);
        });
    }

    /**
     * Accepts a request whose whole context the caller supplies, stored in the given conversation, through the
     * same checks, storage and metrics as a posted message. The context must fit the budget and the model's
     * window: it is not trimmed, since the caller chose it.
     */
    public CompletableFuture<AcceptedChat> submit(ConversationDocument conversation, ChatSubmission submission) {
        CatalogModel model = routes.model(conversation.userId(), submission.model(), conversation.model());
        budget.require(contextWindow, model, submission);
        return publish(conversation, model, Turn.newest(), new Exchanges.Question(submission.question(), List.of()),
                submission.context(), submission.parameters(), null, null);
    }

    private CompletableFuture<AcceptedChat> publish(ConversationDocument conversation, CatalogModel model,
            Turn turn, Exchanges.Question question, List<ChatMessage> context, GenerationParameters parameters,
            SystemPrompt prompt, String webhookUrl) {
        String userId = conversation.userId();
        ChatAdmission.Routed routed = admission.admit(userId, model, context, parameters.getMaxTokens());
        String requestId = routed.requestId();
        // the HTTP request's remaining log lines, and its access log line, name the chat request
        LogContext.put(LogContext.CHAT_REQUEST_ID, requestId);
        Exchanges.Exchange exchange;
        try {
            exchange = exchanges.store(conversation, turn, question, new Exchanges.Answer(requestId, model.id(),
                    model.provider(), prompt == null ? null : prompt.promptId(),
                    prompt == null ? null : prompt.version(), webhookUrl, parameters.getTemperature(),
                    routed.admitted().maxOutputTokens()));
        } catch (RuntimeException e) {
            admission.release(requestId, userId);
            throw e;
        }
        MessageDocument answer = exchange.answer();
        ChatRequested event = routed.event(userId, answer.conversationId(), answer.id(), model, context,
                parameters, answer.createdAt());
        return publisher.publish(event, () -> outcomes.publishFailed(answer))
                .thenApply(sent -> new AcceptedChat(requestId, answer.conversationId(), answer.id(),
                        exchange.question().id(), answer.model(), answer.createdAt()));
    }

    /**
     * The conversation's cap of stored messages (its document holds a node per message, so the cap also bounds the
     * document), checked on the document the post already read: no extra command. Posts racing on one conversation
     * may pass it by the few messages they store together.
     */
    private void requireRoom(ConversationDocument conversation, Turn turn) {
        int stored = conversation.nodes() == null ? 0 : conversation.nodes().size();
        if (stored + (turn.existingQuestion() != null ? 1 : 2) > maxMessagesPerConversation) {
            metrics.rejected(MessageMetrics.CONVERSATION_FULL);
            throw Caps.reached("messages in this conversation", maxMessagesPerConversation);
        }
    }
}
