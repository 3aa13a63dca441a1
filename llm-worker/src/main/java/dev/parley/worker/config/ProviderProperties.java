package dev.parley.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.parley.events.ProviderKind;

/**
 * One entry of {@code parley.worker.providers.<name>}.
 *
 * @param kind which implementation serves the provider
 * @param enabled explicit switch; unset means enabled when the provider has what it needs (see {@link #usable()})
 * @param baseUrl API root, e.g. {@code https://api.openai.com/v1}
 * @param apiKey the server's key for the provider
 * @param requiresKey false for local servers (Ollama, LM Studio, vLLM) that accept calls without a key
 * @param timeouts limits of one call
 * @param retry retries of a call that failed before its first delta
 * @param limits admission: concurrency and rate limits, so that a burst queues instead of drawing 429s
 * @param maxCompletionTokensModels model name prefixes that take {@code max_completion_tokens} instead of
 *        {@code max_tokens} (OpenAI's reasoning models)
 * @param tokensPerSecond streaming pace of the mock provider, 0 = as fast as possible
 * @param defaultMaxTokens answer length when the request sets no maxTokens (mock; Anthropic requires one)
 * @param failureRate share of mock calls that fail before their first delta as if the provider were overloaded
 */
public record ProviderProperties(
        @NotNull ProviderKind kind,
        Boolean enabled,
        URI baseUrl,
        String apiKey,
        @DefaultValue("true") boolean requiresKey,
        @DefaultValue @Valid @NotNull Timeouts timeouts,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Limits limits,
        List<String> maxCompletionTokensModels,
        @DefaultValue("40") @Min(0) int tokensPerSecond,
        @DefaultValue("60") @Min(1) int defaultMaxTokens,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate) {

    public ProviderProperties {
        maxCompletionTokensModels = maxCompletionTokensModels == null ? List.of() : List.copyOf(maxCompletionTokensModels);
    }

    /** The configuration defaults, for a provider built in code. */
    public static ProviderProperties of(ProviderKind kind, URI baseUrl, String apiKey) {
        return new ProviderProperties(kind, null, baseUrl, apiKey, true, Timeouts.DEFAULT, Retry.DEFAULT,
                Limits.UNLIMITED, List.of(), 40, 60, 0);
    }

    public ProviderProperties withTimeouts(Timeouts newTimeouts) {
        return new ProviderProperties(kind, enabled, baseUrl, apiKey, requiresKey, newTimeouts, retry, limits,
                maxCompletionTokensModels, tokensPerSecond, defaultMaxTokens, failureRate);
    }

    public ProviderProperties withRetry(Retry newRetry) {
        return new ProviderProperties(kind, enabled, baseUrl, apiKey, requiresKey, timeouts, newRetry, limits,
                maxCompletionTokensModels, tokensPerSecond, defaultMaxTokens, failureRate);
    }

    public ProviderProperties withLimits(Limits newLimits) {
        return new ProviderProperties(kind, enabled, baseUrl, apiKey, requiresKey, timeouts, retry, newLimits,
                maxCompletionTokensModels, tokensPerSecond, defaultMaxTokens, failureRate);
    }

    public ProviderProperties withMaxCompletionTokensModels(List<String> models) {
        return new ProviderProperties(kind, enabled, baseUrl, apiKey, requiresKey, timeouts, retry, limits, models,
                tokensPerSecond, defaultMaxTokens, failureRate);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    public boolean hasBaseUrl() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }

    /**
     * Whether calls go out: as configured when {@code enabled} is set; otherwise the mock always, and a remote
     * provider once it has a base URL and, unless it needs none, a key.
     */
    public boolean usable() {
        if (kind == ProviderKind.MOCK) {
            return enabled == null || enabled;
        }
        boolean complete = hasBaseUrl() && (hasApiKey() || !requiresKey);
        return complete && (enabled == null || enabled);
    }

    /** Keeps the key out of logs and actuator output. */
    @Override
    public String toString() {
        return "ProviderProperties[kind=" + kind + ", enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "******" : "<none>") + ", requiresKey=" + requiresKey + ", timeouts=" + timeouts
                + ", retry=" + retry + ", limits=" + limits + ", tokensPerSecond=" + tokensPerSecond
                + ", defaultMaxTokens=" + defaultMaxTokens + ", failureRate=" + failureRate + "]";
    }

    /**
     * Each ends the call with {@code provider_timeout} and the partial usage.
     *
     * @param connect TCP/TLS connect
     * @param firstToken from sending the request to the first text of the answer
     * @param idle longest silence between two pieces of text (keep-alive comments do not count)
     * @param total the whole call, stream included
     */
    public record Timeouts(
            @DefaultValue("10s") @NotNull Duration connect,
            @DefaultValue("60s") @NotNull Duration firstToken,
            @DefaultValue("30s") @NotNull Duration idle,
            @DefaultValue("10m") @NotNull Duration total) {

        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /**
     * Retries on 429, 5xx and connection errors, only while no text reached the user.
     *
     * @param maxAttempts calls per provider and model, the first included; 1 = no retry
     * @param initialBackoff wait before the first retry; doubled for each further one, half of it random (equal jitter)
     * @param maxBackoff cap of the computed wait
     * @param maxRetryAfter longest {@code Retry-After} honoured; a longer one fails over at once
     */
    public record Retry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("8s") @NotNull Duration maxBackoff,
            @DefaultValue("30s") @NotNull Duration maxRetryAfter) {

        public static final Retry DEFAULT = new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(30));
    }

    /**
     * Admission before a call; 0 = no limit. A request waits at most {@code maxQueueWait}, then fails with
     * {@code provider_busy}.
     *
     * @param maxConcurrent calls to this provider at once
     * @param requestsPerMinute calls started per minute
     * @param tokensPerMinute prompt plus maximum answer tokens per minute
     * @param maxQueueWait longest wait for admission
     */
    public record Limits(
            @DefaultValue("0") @Min(0) int maxConcurrent,
            @DefaultValue("0") @Min(0) long requestsPerMinute,
            @DefaultValue("0") @Min(0) long tokensPerMinute,
            @DefaultValue("30s") @NotNull Duration maxQueueWait) {

        public static final Limits UNLIMITED = new Limits(0, 0, 0, Duration.ofSeconds(30));
    }
}
