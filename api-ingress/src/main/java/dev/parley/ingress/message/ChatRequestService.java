package dev.parley.ingress.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.bson.types.ObjectId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.events.ChatRequested;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.attachment.AttachmentContext;
import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.limit.CapProperties;
import dev.parley.ingress.limit.Caps;
import dev.parley.ingress.project.SystemPrompt;
import dev.parley.platform.logging.LogContext;

/**
 * Accepts a user's message in a conversation: checks the model and its limits, reserves the request's worst-case
 * cost (nothing is stored or published when that is refused), stores the question and an empty answer, and
 * publishes one ChatRequested with the whole context. Acceptance means the broker has the request; a failed send
 * marks the answer failed and gives the reservation back.
 */
@Service
@EnableConfigurationProperties(ChatProperties.class)
public class ChatRequestService {

    private static final String NATIVE = "native";

    private final ConversationService conversations;
    private final MessageQueries queries;
    private final MessageRepository messages;
    private final MessageOutcomes outcomes;
    private final ChatAdmission admission;
    private final ContextAssembler contextAssembler;
    private final ContextWindow contextWindow;
    private final ContextBudget budget;
    private final int maxContextMessages;
    private final int maxMessagesPerConversation;
    private final MessageMetrics metrics;
    private final Clock clock;
    private final AttachmentContext attachments;
    private final AttachmentFit attachmentFit;
    private final int maxContextChars;

    ChatRequestService(ConversationService conversations, MessageQueries queries, MessageRepository messages,
            MessageOutcomes outcomes, ChatAdmission admission, ChatProperties properties, TokenEstimator tokens,
            MessageMetrics metrics, CapProperties caps, Clock clock, AttachmentContext attachments) {
        this.attachments = attachments;
        this.attachmentFit = new AttachmentFit(tokens);
        this.maxContextChars = properties.maxContextChars();
        this.conversations = conversations;
        this.queries = queries;
        this.messages = messages;
        this.outcomes = outcomes;
        this.admission = admission;
        this.contextAssembler = new ContextAssembler(properties.maxContextChars(), properties.maxContextMessages());
        this.maxContextMessages = properties.maxContextMessages();
        this.maxMessagesPerConversation = caps.maxMessagesPerConversation();
        this.metrics = metrics;
        this.contextWindow = new ContextWindow(tokens);
        this.budget = new ContextBudget(properties.maxContextChars(), metrics);
        this.clock = clock;
    }

    CompletableFuture<MessageAcceptedResponse> post(String userId, String conversationId, PostMessageRequest request) {
        return metrics.timeAccept(NATIVE, () -> {
            ConversationDocument conversation = admission.check(MessageMetrics.NOT_FOUND,
                    () -> conversations.requireOwned(userId, conversationId));
            List<MessageDocument> branch = queries.branch(conversation, maxContextMessages);
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
        CatalogModel model = admission.model(conversation.userId(), settings.model(), conversation.model());
        int outputLimit = admission.check(MessageMetrics.MAX_TOKENS, () -> ContextWindow.outputLimit(model,
                settings.maxTokens()));
        // the project's prompt as it is now: a new version applies from the next message on
        SystemPrompt prompt = conversations.systemPrompt(conversation).orElse(null);
        String system = prompt == null ? null : prompt.content();
        var historyFiles = AttachmentFit.refsOf(history);
        // a conversation without files costs nothing more
        AttachmentContext.Files files = attachmentIds.isEmpty() && historyFiles.isEmpty()
                ? AttachmentContext.Files.NONE
                : admission.check(MessageMetrics.ATTACHMENTS, () -> attachments.resolve(conversation.userId(),
                        conversation.id(), attachmentIds, historyFiles, model.vision(), maxContextChars));
        ChatMessage question = attachmentFit.fit(model, system, content, files.newMessage(), outputLimit,
                maxContextChars).message(ChatRole.USER, content);
        List<ChatMessage> assembled = contextAssembler.assemble(system, history, files.history(), question);
        List<ChatMessage> context = admission.check(MessageMetrics.CONTEXT_WINDOW_EXCEEDED,
                () -> contextWindow.fit(model, assembled, outputLimit));
        GenerationParameters parameters = GenerationParameters.newBuilder()
                .setTemperature(settings.temperature() != null ? settings.temperature() : conversation.temperature())
                .setMaxTokens(settings.maxTokens())
                .build();
        String webhook = settings.webhookUrl();
        return publish(conversation, model, turn, new Question(content, files.newRefs()), context, parameters, prompt,
                webhook).thenApply(accepted -> {
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
        CatalogModel model = admission.model(conversation.userId(), submission.model(), conversation.model());
        budget.require(admission, contextWindow, model, submission);
        return publish(conversation, model, Turn.newest(), new Question(submission.question(), List.of()),
                submission.context(), submission.parameters(), null, null);
    }

    private CompletableFuture<AcceptedChat> publish(ConversationDocument conversation, CatalogModel model,
            Turn turn, Question question, List<ChatMessage> context, GenerationParameters parameters,
            SystemPrompt prompt, String webhookUrl) {
        String requestId = UUID.randomUUID().toString();
        // the HTTP request's remaining log lines, and its access log line, name the chat request
        LogContext.put(LogContext.CHAT_REQUEST_ID, requestId);
        String userId = conversation.userId();
        ChatAdmission.Routed routed = admission.admit(requestId, userId, model, context, parameters.getMaxTokens());
        Exchange exchange;
        try {
            exchange = store(conversation, model, turn, question, requestId, prompt, webhookUrl,
                    new Settings(parameters.getTemperature(), routed.admitted().maxOutputTokens()));
        } catch (RuntimeException e) {
            admission.release(requestId, userId);
            throw e;
        }
        MessageDocument answer = exchange.answer();
        ChatRequested event = routed.event(requestId, userId, answer.conversationId(), answer.id(), model, context,
                parameters, answer.createdAt());
        return admission.publish(event, () -> outcomes.publishFailed(answer))
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

    private Exchange store(ConversationDocument conversation, CatalogModel model, Turn turn, Question asked,
            String requestId, SystemPrompt prompt, String webhookUrl, Settings settings) {
        Instant now = clock.instant();
        MessageDocument question = turn.existingQuestion() != null ? turn.existingQuestion()
                : new MessageDocument(new ObjectId().toHexString(), conversation.id(), conversation.userId(),
                        MessageRole.USER, asked.content(), MessageStatus.COMPLETED, model.id(), model.provider(),
                        requestId, null, null, null, null, now, now, turn.questionParentId(), null, null, null,
                        asked.attachments(), null, null);
        MessageDocument answer = new MessageDocument(new ObjectId().toHexString(), conversation.id(),
                conversation.userId(), MessageRole.ASSISTANT, "", MessageStatus.PENDING, model.id(),
                model.provider(), requestId, null, null, null, null, now, null,
                turn.questionParentId() == null && turn.existingQuestion() == null ? null : question.id(),
                prompt == null ? null : prompt.promptId(), prompt == null ? null : prompt.version(), webhookUrl,
                List.of(), settings.temperature(), settings.maxTokens());
        List<MessageDocument> stored = turn.existingQuestion() != null ? List.of(answer) : List.of(question, answer);
        messages.insert(stored);
        conversations.recordMessages(conversation.userId(), conversation.id(),
                stored.stream().map(MessageTree::nodeOf).toList(), answer.id());
        return new Exchange(question, answer);
    }

    private record Exchange(MessageDocument question, MessageDocument answer) {
    }

    /** A new question: its text and files. */
    private record Question(String content, List<AttachmentRef> attachments) {
    }

    /** What an answer is generated with, stored on it. */
    private record Settings(Double temperature, Integer maxTokens) {
    }
}
