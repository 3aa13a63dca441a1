package dev.parley.worker.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One entry of {@code parley.worker.providers.<name>}.
 *
 * @param kind which implementation serves the provider
 * @param baseUrl API root, e.g. {@code https://api.openai.com/v1} (OpenAI-compatible kinds)
 * @param apiKey bearer key; a provider with an empty key is disabled
 * @param connectTimeout TCP/TLS connect limit
 * @param readTimeout longest silence between two bytes of the stream
 * @param totalTimeout limit for the whole call, stream included
 * @param tokensPerSecond streaming pace of the mock provider, 0 = as fast as possible
 * @param defaultMaxTokens answer length of the mock provider when the request sets no maxTokens
 */
public record ProviderProperties(
        @NotNull ProviderKind kind,
        URI baseUrl,
        String apiKey,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration readTimeout,
        @DefaultValue("10m") @NotNull Duration totalTimeout,
        @DefaultValue("40") @Min(0) int tokensPerSecond,
        @DefaultValue("60") @Min(1) int defaultMaxTokens) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Keeps the key out of logs and actuator output. */
    @Override
    public String toString() {
        return "ProviderProperties[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "******" : "<none>") + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", totalTimeout=" + totalTimeout + ", tokensPerSecond=" + tokensPerSecond
                + ", defaultMaxTokens=" + defaultMaxTokens + "]";
    }
}
