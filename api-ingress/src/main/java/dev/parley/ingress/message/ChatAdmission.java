package dev.parley.ingress.message;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.GenerationParameters;
import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.events.Topics;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ProviderRoutes;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;

/**
 * What every chat request goes through between its checks and the broker, stored or not: the model it runs on,
 * where and with which key the worker calls the provider, the reservation of its worst-case cost, and the
 * publication of its ChatRequested (a failed send gives the reservation back). Refusals are counted by reason.
 */
@Component
class ChatAdmission {

    private static final Logger log = LoggerFactory.getLogger(ChatAdmission.class);

    private final ModelCatalog catalog;
    private final Admission admission;
    private final ProviderKeyService providerKeys;
    private final ProviderRoutes routes;
    private final ChatPublisher publisher;
    private final MessageMetrics metrics;
    private final Executor executor;

    ChatAdmission(ModelCatalog catalog, Admission admission, ProviderKeyService providerKeys, ProviderRoutes routes,
            ChatPublisher publisher, MessageMetrics metrics, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.executor = executor;
        this.catalog = catalog;
        this.admission = admission;
        this.providerKeys = providerKeys;
        this.routes = routes;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** The requested model, else the fallback (a conversation's), else the catalog's default; or a problem. */
    CatalogModel model(String userId, String requested, String fallback) {
        return catalog.resolve(requested, fallback, providerKeys.providers(userId)).orElseThrow(() -> {
            metrics.rejected(MessageMetrics.MODEL_UNKNOWN);
            String name = requested == null || requested.isBlank() ? fallback : requested;
            return new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + name + "' is not available");
        });
    }

    /**
     * Routes and reserves the request: nothing is reserved when its route is refused, and the caller must
     * {@link #release} the reservation when it cannot go on to publish.
     */
    Routed admit(String requestId, String userId, CatalogModel model, List<ChatMessage> context,
            Integer maxTokens) {
        Route route = route(requestId, userId, model);
        try {
            return new Routed(route, admission.admit(requestId, userId, model, context, maxTokens, route.ownKey()));
        } catch (ApiProblem problem) {
            metrics.rejected(switch (problem.kind()) {
                case QUOTA_EXHAUSTED -> MessageMetrics.QUOTA_EXHAUSTED;
                case TOO_MANY_RESERVATIONS -> MessageMetrics.TOO_MANY_RESERVATIONS;
                default -> MessageMetrics.ACCOUNTING_UNAVAILABLE;
            });
            throw problem;
        }
    }

    void release(String requestId, String userId) {
        admission.release(requestId, userId);
    }

    /**
     * Publishes the request; completes once the broker has it. A failed send runs {@code onFailure}, gives the
     * reservation back and fails with a 503 problem.
     */
    CompletableFuture<Void> publish(ChatRequested event, Runnable onFailure) {
        // the failure's clean-up blocks (MongoDB, accounting): never on the producer's I/O thread
        return publisher.publish(Topics.CHAT_REQUESTS, event.getRequestId(), event)
                .exceptionallyComposeAsync(failure -> {
                    log.warn("Could not publish request {}: {}", event.getRequestId(), failure.toString());
                    onFailure.run();
                    admission.release(event.getRequestId(), event.getUserId());
                    metrics.rejected(MessageMetrics.PUBLISH_FAILED);
                    return CompletableFuture.failedFuture(
                            ApiProblem.unavailable("The request could not be queued; send it again", failure));
                }, executor)
                .thenRun(metrics::accepted);
    }

    /** Counts a refusal of {@code step} under {@code reason}. */
    <T> T check(String reason, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiProblem problem) {
            metrics.rejected(reason);
            throw problem;
        }
    }

    /**
     * Where and with which key the worker calls the provider: the user's own key when they stored one (it wins),
     * else for an admin's provider the server's key; an admin's provider's address is checked again now.
     */
    private Route route(String requestId, String userId, CatalogModel model) {
        ProviderEndpoint endpoint = check(MessageMetrics.OUTBOUND_ADDRESS_REFUSED, () -> routes.endpoint(model))
                .orElse(null);
        ProviderCredential own = providerKeys.credential(requestId, userId, model.provider()).orElse(null);
        if (own != null) {
            return new Route(endpoint, own, true);
        }
        return new Route(endpoint, routes.serverCredential(requestId, userId, model).orElse(null), false);
    }

    /** @param ownKey the credential is the user's own key */
    record Route(ProviderEndpoint endpoint, ProviderCredential credential, boolean ownKey) {
    }

    /** A routed request whose worst-case cost is reserved. */
    record Routed(Route route, Admitted admitted) {

        /**
         * The event for the worker, always with the reserved output limit, so that the provider can never write
         * more than the reservation assumed.
         *
         * @param conversationId and {@code messageId}: where the answer is stored; empty when it is not stored
         */
        ChatRequested event(String requestId, String userId, String conversationId, String messageId,
                CatalogModel model, List<ChatMessage> context, GenerationParameters parameters,
                Instant requestedAt) {
            return ChatRequested.newBuilder()
                    .setRequestId(requestId)
                    .setUserId(userId)
                    .setConversationId(conversationId)
                    .setMessageId(messageId)
                    .setProvider(model.provider())
                    .setModel(model.id())
                    .setMessages(context)
                    .setParameters(GenerationParameters.newBuilder(parameters)
                            .setMaxTokens(admitted.maxOutputTokens()).build())
                    .setRequestedAt(requestedAt)
                    .setProviderCredential(route.credential())
                    .setOwnKey(route.ownKey())
                    .setEndpoint(route.endpoint())
                    .setReservation(admitted.reservation())
                    .build();
        }
    }
}
