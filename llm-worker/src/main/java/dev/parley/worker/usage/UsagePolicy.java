package dev.parley.worker.usage;

import java.util.List;

import dev.parley.events.TokenUsage;
import dev.parley.events.UsageSource;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderUsage;
import dev.parley.worker.tokens.TokenCounter;

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
        return tokenUsage(ProviderUsage.of(tokens.countPrompt(model, prompt), tokens.count(model, producedText)),
                UsageSource.ESTIMATED);
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
