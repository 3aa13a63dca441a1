package dev.parley.worker.provider.anthropic;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.parley.worker.provider.ProviderUsage;

/**
 * Assembles Anthropic's usage, which comes in two parts: input at {@code message_start}, the output count
 * (cumulative) at {@code message_delta}. Anthropic counts cache reads and cache writes apart from
 * {@code input_tokens}; Parley's input includes them, with cache reads as the cached part. The numbers count
 * as reported only once the output count came: before that, {@code output_tokens} is a placeholder.
 */
final class AnthropicUsage {

    private long input;
    private long cacheCreation;
    private long cacheRead;
    private long output;
    private boolean outputReported;

    void start(JsonNode usage) {
        readInput(usage);
    }

    void delta(JsonNode usage) {
        if (!usage.isObject()) {
            return;
        }
        readInput(usage);
        if (usage.path("output_tokens").isNumber()) {
            output = usage.path("output_tokens").asLong();
            outputReported = true;
        }
    }

    Optional<ProviderUsage> reported() {
        if (!outputReported) {
            return Optional.empty();
        }
        return Optional.of(new ProviderUsage(input + cacheCreation + cacheRead, output, cacheRead, 0));
    }

    /** Newer API versions repeat the input numbers in {@code message_delta}; the latest value wins. */
    private void readInput(JsonNode usage) {
        input = number(usage, "input_tokens", input);
        cacheCreation = number(usage, "cache_creation_input_tokens", cacheCreation);
        cacheRead = number(usage, "cache_read_input_tokens", cacheRead);
    }

    private static long number(JsonNode usage, String field, long current) {
        JsonNode value = usage.path(field);
        return value.isNumber() ? value.asLong() : current;
    }
}
