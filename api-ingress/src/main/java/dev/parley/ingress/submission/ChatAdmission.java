package dev.parley.ingress.submission;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admission.Admission;
import dev.parley.ingress.admission.Admitted;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.platform.problem.ApiProblem;

/**
 * Routes a request and reserves its worst-case cost with usage-accounting, and gives it back when the request cannot
 * go on. Refusals are counted by reason.
 */
@Component
class ChatAdmission {

    private final ChatRoutes routes;
    private final Admission admission;
    private final MessageMetrics metrics;

    ChatAdmission(ChatRoutes routes, Admission admission, MessageMetrics metrics) {
        this.routes = routes;
        this.admission = admission;
        this.metrics = metrics;
    }

    /**
     * Plans the route, names and reserves the request, then seals its key for that name, so that nothing is reserved
     * when the route is refused; the caller must {@link #release} the reservation when it cannot go on to publish.
     */
    Routed admit(String userId, CatalogModel model, List<ChatMessage> context, Integer maxTokens) {
        ChatRoutes.Plan plan = routes.plan(userId, model);
        Admission.Claim claim = admission.claim(userId, model, context, maxTokens, plan.onOwnKey());
        ChatRoutes.Route route;
        try {
            route = routes.route(plan, claim.requestId());
        } catch (RuntimeException e) {
            admission.unclaim(claim);
            throw e;
        }
        try {
            return new Routed(route, admission.admit(claim));
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

    /** A routed request whose worst-case cost is reserved. */
    record Routed(ChatRoutes.Route route, Admitted admitted) {

        /** The request's id: chosen by admission, and the id its key is sealed for. */
        String requestId() {
            return admitted.requestId();
        }

        /**
         * The event for the worker, always with the reserved output limit, so that the provider can never write
         * more than the reservation assumed.
         *
         * @param conversationId and {@code messageId}: where the answer is stored; empty when it is not stored
         */
        ChatRequested event(String userId, String conversationId, String messageId,
                CatalogModel model, List<ChatMessage> context, GenerationParameters parameters,
                Instant requestedAt) {
            return ChatRequested.newBuilder()
                    .setRequestId(requestId())
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
