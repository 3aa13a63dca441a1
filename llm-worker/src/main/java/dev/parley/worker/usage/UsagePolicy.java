package dev.parley.worker.usage;

import java.util.List;

import dev.parley.events.TokenUsage;
import dev.parley.events.UsageSource;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptTokens;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderUsage;

/**
 * Decides the usage a call is billed for: the provider's own report when it sent one; nothing when the
 * provider never started answering (it bills nothing for a rejected or unreachable call); otherwise an
 * estimate with the tokenizer over the prompt and the text actually produced, marked as such.
 */
public final class UsagePolicy {

    private final TokenCounter tokens;

    public UsagePolicy(TokenCounter tokens) {
        this.tokens = tokens;
    }

    public TokenUsage usageOf(ProviderResult result, String model, List<PromptMessage> prompt, String producedText) {
        if (result.usage() != null) {
            return tokenUsage(result.usage(), UsageSource.PROVIDER_REPORTED);
        }
        if (!result.streamOpened()) {
            return tokenUsage(ProviderUsage.of(0, 0), UsageSource.ESTIMATED);
        }
        int input = PromptTokens.count(tokens, model, prompt);
        return tokenUsage(ProviderUsage.of(input, tokens.count(model, producedText)), UsageSource.ESTIMATED);
    }

    /**
     * The usage of a whole answer that took several calls (retries, fallbacks): their sum, estimated when any
     * call that consumed tokens was estimated; with a single call, that call's usage.
     */
    public static TokenUsage total(List<TokenUsage> usages) {
        if (usages.size() == 1) {
            return usages.getFirst();
        }
        var sum = new ProviderUsage(0, 0, 0, 0);
        boolean estimated = false;
        for (TokenUsage usage : usages) {
            sum = new ProviderUsage(sum.inputTokens() + usage.getInputTokens(),
                    sum.outputTokens() + usage.getOutputTokens(),
                    sum.cachedInputTokens() + usage.getCachedInputTokens(),
                    sum.reasoningTokens() + usage.getReasoningTokens());
            boolean consumed = usage.getInputTokens() + usage.getOutputTokens() > 0;
            estimated |= consumed && usage.getSource() == UsageSource.ESTIMATED;
        }
        return tokenUsage(sum, estimated ? UsageSource.ESTIMATED : UsageSource.PROVIDER_REPORTED);
    }

    private static TokenUsage tokenUsage(ProviderUsage usage, UsageSource source) {
        return TokenUsage.newBuilder()
                .setInputTokens(usage.inputTokens())
                .setOutputTokens(usage.outputTokens())
                .setCachedInputTokens(usage.cachedInputTokens())
                .setReasoningTokens(usage.reasoningTokens())
                .setSource(source)
                .build();
    }
}
