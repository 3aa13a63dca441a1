package dev.parley.worker.provider.mock;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderUsage;

/**
 * The built-in provider: streams {@link MockAnswers} at a fixed pace and reports real token numbers.
 * Model {@value #ERROR_MODEL} fails after {@value #PIECES_BEFORE_ERROR} pieces, for tests and demos; with a
 * failure rate, that share of calls fails before the first piece as an overloaded provider would (retryable),
 * to exercise retries and fallbacks.
 */
final class MockProvider implements ChatProvider {

    static final String ERROR_MODEL = "mock-error";
    static final int PIECES_BEFORE_ERROR = 3;

    private final MockAnswers answers;
    private final TokenCounter tokens;
    private final Duration pause;
    private final int defaultMaxTokens;
    private final double failureRate;
    private final DoubleSupplier random;

    MockProvider(MockAnswers answers, TokenCounter tokens, int tokensPerSecond, int defaultMaxTokens) {
        this(answers, tokens, tokensPerSecond, defaultMaxTokens, 0, () -> 1);
    }

    MockProvider(MockAnswers answers, TokenCounter tokens, int tokensPerSecond, int defaultMaxTokens,
            double failureRate, DoubleSupplier random) {
        this.answers = answers;
        this.tokens = tokens;
        this.pause = tokensPerSecond == 0 ? Duration.ZERO : Duration.ofNanos(1_000_000_000L / tokensPerSecond);
        this.defaultMaxTokens = defaultMaxTokens;
        this.failureRate = failureRate;
        this.random = random;
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        if (random.getAsDouble() < failureRate) {
            return ProviderResult.failed(new ProviderError(ErrorCodes.PROVIDER_UNAVAILABLE,
                    "The mock provider is overloaded on purpose (failure-rate " + failureRate + ")", true, null),
                    null, false);
        }
        int maxTokens = request.maxTokens() == null ? defaultMaxTokens : request.maxTokens();
        MockScript script = answers.script(request.model(), request.messages(), maxTokens);
        List<String> pieces = script.pieces();
        boolean failing = ERROR_MODEL.equals(request.model());
        int end = failing ? Math.min(PIECES_BEFORE_ERROR, pieces.size()) : pieces.size();
        var sent = new StringBuilder();
        for (String piece : pieces.subList(0, end)) {
            if (cancellation.await(pause)) {
                return ProviderResult.cancelled(usage(request, script, sent), true);
            }
            sink.accept(piece);
            sent.append(piece);
        }
        if (failing) {
            return ProviderResult.failed(new ProviderError(ErrorCodes.PROVIDER_ERROR,
                    "The mock provider failed on purpose (model " + ERROR_MODEL + ")"), usage(request, script, sent),
                    true);
        }
        return ProviderResult.completed(script.finishReason(), usage(request, script, sent));
    }

    private ProviderUsage usage(ProviderRequest request, MockScript script, CharSequence sent) {
        return ProviderUsage.of(script.inputTokens(), tokens.count(request.model(), sent.toString()));
    }
}
