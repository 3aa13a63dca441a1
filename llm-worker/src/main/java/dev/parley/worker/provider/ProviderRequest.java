package dev.parley.worker.provider;

import java.util.List;

/**
 * What a provider is asked: the full conversation and the generation parameters (null = provider default).
 *
 * @param apiKey the key the request brought, used instead of the configured one: the user's own key, or the
 *        server-held key of a provider an admin added to the catalog; null for the configured key
 */
public record ProviderRequest(String model, List<PromptMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop, String apiKey) {

    public ProviderRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** A request on the configured key. */
    public ProviderRequest(String model, List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens, List<String> stop) {
        this(model, messages, temperature, topP, maxTokens, stop, null);
    }

    /** The same request to another model (a fallback). */
    public ProviderRequest withModel(String otherModel) {
        return new ProviderRequest(otherModel, messages, temperature, topP, maxTokens, stop, apiKey);
    }

    /** The same request on the configured key: the brought key belongs to the requested provider only. */
    public ProviderRequest withoutKey() {
        return new ProviderRequest(model, messages, temperature, topP, maxTokens, stop, null);
    }

    public boolean carriesKey() {
        return apiKey != null;
    }

    /** The key of {@code provider}'s call: the one the request brought, else the configured one. */
    public String keyOr(String configuredKey) {
        return apiKey != null ? apiKey : configuredKey;
    }

    @Override
    public String toString() {
        // never print the key
        return "ProviderRequest[model=" + model + ", messages=" + messages.size() + ", carriesKey=" + carriesKey()
                + "]";
    }
}
