package dev.parley.worker.generation;

import java.util.List;

import dev.parley.events.ProviderCredential;
import dev.parley.worker.call.Route;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.stream.StreamTarget;
import dev.parley.worker.usage.UsagePublisher.UsageCall;

/**
 * One requested answer, as the worker needs it: the ids, the provider and model, the full context.
 *
 * @param credential the user's own provider key, still sealed; null for the server's key
 */
public record GenerationRequest(String requestId, String userId, String conversationId, String messageId,
        String provider, String model, List<PromptMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop, ProviderCredential credential) {

    public GenerationRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** A request on the server's key. */
    public GenerationRequest(String requestId, String userId, String conversationId, String messageId,
            String provider, String model, List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens, List<String> stop) {
        this(requestId, userId, conversationId, messageId, provider, model, messages, temperature, topP, maxTokens,
                stop, null);
    }

    boolean ownKey() {
        return credential != null;
    }

    /** @param attemptId the id of this processing run of the request */
    StreamTarget target(String attemptId) {
        return new StreamTarget(requestId, userId, conversationId, messageId, attemptId);
    }

    /** @param apiKey the opened own key, or null for the server's */
    ProviderRequest providerRequest(String apiKey) {
        return new ProviderRequest(model, messages, temperature, topP, maxTokens, stop, apiKey);
    }

    /** The usage record of one call, to whichever provider and model it went. */
    UsageCall usageCall(Route route) {
        return new UsageCall(requestId, userId, conversationId, route.provider(), route.model(), ownKey());
    }

    Route route() {
        return new Route(provider, model);
    }
}
