package dev.parley.worker.provider;

import java.util.List;

/**
 * What a provider is asked: the full conversation and the generation parameters (null = provider default).
 *
 * @param apiKey the user's own key for the provider, used instead of the server's; null for the server's
 */
public record ProviderRequest(String model, List<PromptMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop, String apiKey) {

    public ProviderRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** A request on the server's key. */
    public ProviderRequest(String model, List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens, List<String> stop) {
        this(model, messages, temperature, topP, maxTokens, stop, null);
    }

    /** The same request to another model (a fallback). */
    public ProviderRequest withModel(String otherModel) {
        return new ProviderRequest(otherModel, messages, temperature, topP, maxTokens, stop, apiKey);
    }

    public boolean ownKey() {
        return apiKey != null;
    }

    /** The key of {@code provider}'s call: the user's own, else the server's. */
    public String keyOr(String serverKey) {
        return apiKey != null ? apiKey : serverKey;
    }

    @Override
    public String toString() {
        // never print the user's key
        return "ProviderRequest[model=" + model + ", messages=" + messages.size() + ", ownKey=" + ownKey() + "]";
    }
}
