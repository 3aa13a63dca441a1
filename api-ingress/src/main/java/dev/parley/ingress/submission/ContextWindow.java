package dev.parley.ingress.submission;

import java.util.ArrayList;
import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * A model's limits on a request: its output limit, and its context window, which must hold the estimated input
 * (the same generous estimate admission reserves with) plus the output the request may produce.
 */
final class ContextWindow {

    private final TokenEstimator tokens;

    ContextWindow(TokenEstimator tokens) {
        this.tokens = tokens;
    }

    /**
     * The output the request may produce: its own limit, else the model's.
     *
     * @throws ApiProblem validation naming {@code maxTokens} when the request asks for more than the model gives
     */
    static int outputLimit(CatalogModel model, Integer requested) {
        if (requested == null) {
            return model.maxOutputTokens();
        }
        if (requested > model.maxOutputTokens()) {
            throw ApiProblem.validation("maxTokens", "must be at most " + model.maxOutputTokens() + " for model '"
                    + model.id() + "'");
        }
        return requested;
    }

    /**
     * Leaves out the oldest turns until the context fits; leading system messages and the new (last) message
     * always stay.
     *
     * @throws ApiProblem context-window-exceeded when even those do not fit
     */
    List<ChatMessage> fit(CatalogModel model, List<ChatMessage> context, int outputLimit) {
        long[] shares = tokens.perMessage(model.id(), context);
        long sum = 0;
        for (long share : shares) {
            sum += share;
        }
        long budget = (long) model.contextWindow() - outputLimit;
        int first = ContextAssembler.firstConversational(context);
        int from = first;
        while (TokenEstimator.total(sum) > budget && from < context.size() - 1) {
            sum -= shares[from++];
        }
        List<ChatMessage> kept = new ArrayList<>(context.subList(0, first));
        kept.addAll(context.subList(from, context.size()));
        require(model, TokenEstimator.total(sum), outputLimit);
        return ContextAssembler.opensWithQuestion(kept);
    }

    /** Checks a context the caller chose, which is not trimmed. */
    void require(CatalogModel model, List<ChatMessage> context, int outputLimit) {
        require(model, tokens.estimate(model.id(), context), outputLimit);
    }

    private static void require(CatalogModel model, long inputTokens, int outputLimit) {
        if (inputTokens + outputLimit > model.contextWindow()) {
            throw new ApiProblem(ProblemKind.CONTEXT_WINDOW_EXCEEDED, "About " + inputTokens + " input tokens plus "
                    + outputLimit + " output tokens exceed the context window of " + model.contextWindow()
                    + " tokens of model '" + model.id() + "'")
                    .with("inputTokens", inputTokens)
                    .with("maxOutputTokens", outputLimit)
                    .with("contextWindow", model.contextWindow());
        }
    }
}
