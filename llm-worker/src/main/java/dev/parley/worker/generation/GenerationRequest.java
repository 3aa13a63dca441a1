package dev.parley.worker.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.parley.events.HeldReservation;
import dev.parley.events.ProviderCredential;
import dev.parley.worker.call.RequestedProvider;
import dev.parley.worker.call.Route;
import dev.parley.worker.catalog.Endpoint;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.stream.StreamTarget;
import dev.parley.worker.usage.UsagePublisher.UsageCall;

/**
 * One requested answer, as the worker needs it: the ids, the provider and model, the full context.
 *
 * @param credential the provider key the request brought, still sealed: the user's own ({@code ownKey}) or the
 *        server-held key of a catalog provider; null for the key of this worker's configuration
 * @param ownKey the request runs on the user's own key (usage records say so; no fallback to other providers)
 * @param endpoint where to call a provider an admin added to the catalog at runtime; null for configured ones
 * @param reservation the credits accounting holds for the request (copied into its usage records, so that they
 *        settle it with one keyed update); null when the request carries none
 */
public record GenerationRequest(String requestId, String userId, String conversationId, String messageId,
        String provider, String model, List<PromptMessage> messages, Double temperature, Double topP,
        Integer maxTokens, List<String> stop, ProviderCredential credential, boolean ownKey, Endpoint endpoint,
        HeldReservation reservation) {

    public GenerationRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** A request without a reservation. */
    public GenerationRequest(String requestId, String userId, String conversationId, String messageId,
            String provider, String model, List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens, List<String> stop, ProviderCredential credential, boolean ownKey, Endpoint endpoint) {
        this(requestId, userId, conversationId, messageId, provider, model, messages, temperature, topP, maxTokens,
                stop, credential, ownKey, endpoint, null);
    }

    /**
     * Whether the request's reservation lapses before a request picked up {@code now} could have finished, which
     * a request that waited too long for a worker must not risk: its usage would spend credits nobody holds.
     *
     * @param longestRun the longest a request may run
     */
    boolean reservationLapsesBefore(Instant now, Duration longestRun) {
        return reservation != null && now.plus(longestRun).isAfter(reservation.getExpiresAt());
    }

    /** A request for a configured provider on the server's key. */
    public GenerationRequest(String requestId, String userId, String conversationId, String messageId,
            String provider, String model, List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens, List<String> stop) {
        this(requestId, userId, conversationId, messageId, provider, model, messages, temperature, topP, maxTokens,
                stop, null, false, null);
    }

    /** The same request without the user's own key: it runs on the worker's configuration, and is billed. */
    GenerationRequest withoutOwnKey() {
        return new GenerationRequest(requestId, userId, conversationId, messageId, provider, model, messages,
                temperature, topP, maxTokens, stop, null, false, endpoint, reservation);
    }

    /** Whether the request brought a key to open (an own-key request without one is broken, not keyless). */
    boolean bringsKey() {
        return credential != null || ownKey;
    }

    RequestedProvider requestedProvider() {
        return new RequestedProvider(provider, endpoint, ownKey);
    }

    /** @param attemptId the id of this processing run of the request */
    StreamTarget target(String attemptId) {
        return new StreamTarget(requestId, userId, conversationId, messageId, attemptId);
    }

    /** @param apiKey the opened key the request brought, or null for the configured one */
    ProviderRequest providerRequest(String apiKey) {
        return new ProviderRequest(model, messages, temperature, topP, maxTokens, stop, apiKey);
    }

    /** The usage record of one call, to whichever provider and model it went. */
    UsageCall usageCall(Route route) {
        return new UsageCall(requestId, userId, conversationId, route.provider(), route.model(), ownKey(),
                reservation);
    }

    Route route() {
        return new Route(provider, model);
    }
}
