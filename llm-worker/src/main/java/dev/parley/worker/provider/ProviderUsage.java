package dev.parley.worker.provider;

/** Token numbers of one provider call; cached and reasoning tokens are parts of input and output. */
public record ProviderUsage(long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens) {

    public static ProviderUsage of(long inputTokens, long outputTokens) {
        return new ProviderUsage(inputTokens, outputTokens, 0, 0);
    }
}
