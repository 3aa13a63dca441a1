package dev.parley.worker.provider;

import java.util.List;

/**
 * What a provider is asked: the full conversation and the generation parameters (null = provider default).
 */
public record ProviderRequest(String model, List<PromptMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop) {

    public ProviderRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
