package dev.parley.ingress.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of a delivery; its fields keep this order.
 *
 * @param type {@code message.completed}, {@code message.failed} or {@code message.cancelled}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(
        String type,
        String deliveryId,
        String conversationId,
        String messageId,
        String requestId,
        String status,
        String model,
        String content,
        String finishReason,
        WebhookAnswer.Usage usage,
        WebhookAnswer.Failure error,
        Instant completedAt) {

    static WebhookPayload of(String deliveryId, WebhookAnswer answer) {
        return new WebhookPayload(type(answer.status()), deliveryId, answer.conversationId(), answer.messageId(),
                answer.requestId(), answer.status(), answer.model(), answer.content(), answer.finishReason(),
                answer.usage(), answer.error(), answer.completedAt());
    }

    static String type(String status) {
        return switch (status) {
            case "FAILED" -> "message.failed";
            case "CANCELLED" -> "message.cancelled";
            default -> "message.completed";
        };
    }
}
