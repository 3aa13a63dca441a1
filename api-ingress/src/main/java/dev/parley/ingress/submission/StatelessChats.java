package dev.parley.ingress.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.parley.events.ChatRequested;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.logging.LogContext;

/**
 * Accepts a request whose whole context the caller sends and keeps (the OpenAI-compatible edge): the same model,
 * limit, quota and accounting rules as a posted message, but nothing is stored and nothing is read that grows
 * with the user's history. The answer reaches the caller through the stream hub; its usage is debited and listed
 * in the user's transactions like any other. Its ChatRequested has an empty conversation and message id.
 */
@Service
public class StatelessChats {

    /** The conversation and message id of a request whose answer is not stored. */
    public static final String UNSTORED = "";

    private final ChatRoutes routes;
    private final ChatAdmission admission;
    private final RequestPublisher publisher;
    private final ContextWindow contextWindow;
    private final ContextBudget budget;
    private final MessageMetrics metrics;
    private final Clock clock;

    StatelessChats(ChatRoutes routes, ChatAdmission admission, RequestPublisher publisher, ChatProperties properties,
            TokenEstimator tokens, MessageMetrics metrics, Clock clock) {
        this.routes = routes;
        this.admission = admission;
        this.publisher = publisher;
        this.contextWindow = new ContextWindow(tokens);
        this.budget = new ContextBudget(properties.maxContextChars(), metrics);
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletableFuture<AcceptedChat> submit(String userId, ChatSubmission submission) {
        return metrics.timeAccept("openai", () -> accept(userId, submission));
    }

    private CompletableFuture<AcceptedChat> accept(String userId, ChatSubmission submission) {
        CatalogModel model = routes.model(userId, submission.model(), null);
        if (!model.vision() && submission.context().stream().anyMatch(message -> !message.getParts().isEmpty())) {
            metrics.rejected(MessageMetrics.ATTACHMENTS);
            throw new ApiProblem(ProblemKind.MODEL_TAKES_NO_IMAGES, "Model '" + model.id() + "' takes no images")
                    .with("param", "messages");
        }
        budget.require(contextWindow, model, submission);
        ChatAdmission.Routed routed = admission.admit(userId, model, submission.context(),
                submission.parameters().getMaxTokens());
        String requestId = routed.requestId();
        // the HTTP request's remaining log lines, and its access log line, name the chat request
        LogContext.put(LogContext.CHAT_REQUEST_ID, requestId);
        Instant now = clock.instant();
        ChatRequested event = routed.event(userId, UNSTORED, UNSTORED, model, submission.context(),
                submission.parameters(), now);
        return publisher.publish(event, () -> { })
                .thenApply(sent -> new AcceptedChat(requestId, UNSTORED, UNSTORED, null, model.id(), now));
    }
}
