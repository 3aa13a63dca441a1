package dev.parley.ingress.message;

/** Tokens of the call that produced an answer; {@code source} tells whether the provider reported them. */
public record MessageUsage(long inputTokens, long outputTokens, long totalTokens, String source) {
}
