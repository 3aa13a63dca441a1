package dev.parley.ingress.submission;

import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.platform.problem.ApiProblem;

/**
 * The checks of a context the caller supplied whole (the OpenAI-compatible edge, summaries): it must fit the
 * per-request character budget and the model's window as it is, since it is not trimmed.
 */
final class ContextBudget {

    private final long maxContextChars;
    private final MessageMetrics metrics;

    ContextBudget(long maxContextChars, MessageMetrics metrics) {
        this.maxContextChars = maxContextChars;
        this.metrics = metrics;
    }

    /** @return the request's output limit */
    int require(ContextWindow window, CatalogModel model, ChatSubmission submission) {
        requireWithinBudget(submission.context());
        int outputLimit = metrics.check(MessageMetrics.MAX_TOKENS, () -> ContextWindow.outputLimit(model,
                submission.parameters().getMaxTokens()));
        metrics.check(MessageMetrics.CONTEXT_WINDOW_EXCEEDED, () -> {
            window.require(model, submission.context(), outputLimit);
            return model;
        });
        return outputLimit;
    }

    private void requireWithinBudget(List<ChatMessage> context) {
        long chars = context.stream().mapToLong(message -> message.getContent().length()).sum();
        if (chars > maxContextChars) {
            metrics.rejected(MessageMetrics.CONTEXT_TOO_LONG);
            throw ApiProblem.validation("messages", "hold " + chars + " characters, more than the "
                    + maxContextChars + " a request may carry").with("code", "context_length_exceeded");
        }
    }
}
