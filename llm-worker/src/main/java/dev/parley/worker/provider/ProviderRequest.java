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

    /** The same request to another model (a fallback). */
    public ProviderRequest withModel(String otherModel) {
        return new ProviderRequest(otherModel, messages, temperature, topP, maxTokens, stop);
    }
}
