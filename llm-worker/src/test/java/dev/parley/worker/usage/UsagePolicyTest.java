package dev.parley.worker.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.UsageSource;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderUsage;

class UsagePolicyTest {

    static final List<PromptMessage> PROMPT = List.of(new PromptMessage(Role.USER, "Hello"));

    final TokenCounter tokens = new TokenCounter();
    final UsagePolicy policy = new UsagePolicy(tokens);

    @Test
    void takesTheProvidersReportAsIs() {
        var result = ProviderResult.completed(FinishReason.STOP, new ProviderUsage(100, 20, 40, 5));

        TokenUsage usage = policy.usageOf(result, "gpt-4o", PROMPT, "whatever was streamed");

        assertThat(usage).isEqualTo(new TokenUsage(100L, 20L, 40L, 5L, UsageSource.PROVIDER_REPORTED));
    }

    @Test
    void estimatesPromptAndProducedTextWhenTheProviderReportedNothing() {
        var result = ProviderResult.completed(FinishReason.STOP, null);

        TokenUsage usage = policy.usageOf(result, "gpt-4", PROMPT, "Hello world");

        assertThat(usage).isEqualTo(new TokenUsage(8L, 2L, 0L, 0L, UsageSource.ESTIMATED));
    }

    @Test
    void estimatesThePartialTextOfACancelledCall() {
        TokenUsage usage = policy.usageOf(ProviderResult.cancelled(null, true), "gpt-4", PROMPT, "Hello");

        assertThat(usage.getInputTokens()).isEqualTo(8);
        assertThat(usage.getOutputTokens()).isEqualTo(1);
        assertThat(usage.getSource()).isEqualTo(UsageSource.ESTIMATED);
    }

    @Test
    void chargesNothingForACallTheProviderNeverStarted() {
        var result = ProviderResult.failed(new ProviderError(ErrorCodes.PROVIDER_RATE_LIMITED, "429"), null, false);

        TokenUsage usage = policy.usageOf(result, "gpt-4", PROMPT, "");

        assertThat(usage).isEqualTo(new TokenUsage(0L, 0L, 0L, 0L, UsageSource.ESTIMATED));
    }

    @Test
    void sumsTheCallsOfAnAnswerEstimatedWhenAnyCallThatCostTokensWasEstimated() {
        var retried = new TokenUsage(8L, 0L, 0L, 0L, UsageSource.ESTIMATED);
        var answered = new TokenUsage(10L, 20L, 4L, 1L, UsageSource.PROVIDER_REPORTED);

        assertThat(UsagePolicy.total(List.of(retried, answered)))
                .isEqualTo(new TokenUsage(18L, 20L, 4L, 1L, UsageSource.ESTIMATED));
        assertThat(UsagePolicy.total(List.of(answered))).isSameAs(answered);
        assertThat(UsagePolicy.total(List.of(answered, new TokenUsage(0L, 0L, 0L, 0L, UsageSource.ESTIMATED))))
                .as("a call that cost nothing does not make the total an estimate")
                .isEqualTo(new TokenUsage(10L, 20L, 4L, 1L, UsageSource.PROVIDER_REPORTED));
    }
}
