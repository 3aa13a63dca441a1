package dev.parley.ingress.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.webhook.WebhookStatus;

/**
 * A message as listed; fields that do not apply yet (usage of a pending answer, ...) are left out.
 *
 * @param parentId the message this one answers or follows; absent for the first message
 * @param promptId the project prompt an answer ran with as its system prompt; absent: none
 * @param promptVersion the version of that prompt
 * @param webhook the delivery of an answer whose request asked for a webhook; absent otherwise
 * @param attachments a user message's files; absent: none
 * @param temperature and {@code maxTokens}: the settings an answer was generated with (absent on questions, and
 *        temperature when the provider's default applied)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageResponse(
        String id,
        MessageRole role,
        String content,
        MessageStatus status,
        String model,
        String requestId,
        String finishReason,
        MessageUsage usage,
        MessageError error,
        Instant createdAt,
        Instant completedAt,
        String parentId,
        String promptId,
        Integer promptVersion,
        WebhookStatus webhook,
        List<AttachmentRef> attachments,
        Double temperature,
        Integer maxTokens) {

    MessageResponse(String id, MessageRole role, String content, MessageStatus status, String model,
            String requestId, String finishReason, MessageUsage usage, MessageError error, Instant createdAt,
            Instant completedAt, String parentId, String promptId, Integer promptVersion, WebhookStatus webhook) {
        this(id, role, content, status, model, requestId, finishReason, usage, error, createdAt, completedAt,
                parentId, promptId, promptVersion, webhook, null, null, null);
    }

    MessageResponse(String id, MessageRole role, String content, MessageStatus status, String model,
            String requestId, String finishReason, MessageUsage usage, MessageError error, Instant createdAt,
            Instant completedAt, String parentId, String promptId, Integer promptVersion) {
        this(id, role, content, status, model, requestId, finishReason, usage, error, createdAt, completedAt,
                parentId, promptId, promptVersion, null);
    }

    MessageResponse(String id, MessageRole role, String content, MessageStatus status, String model,
            String requestId, String finishReason, MessageUsage usage, MessageError error, Instant createdAt,
            Instant completedAt, String parentId) {
        this(id, role, content, status, model, requestId, finishReason, usage, error, createdAt, completedAt,
                parentId, null, null);
    }

    MessageResponse(String id, MessageRole role, String content, MessageStatus status, String model,
            String requestId, String finishReason, MessageUsage usage, MessageError error, Instant createdAt,
            Instant completedAt) {
        this(id, role, content, status, model, requestId, finishReason, usage, error, createdAt, completedAt, null);
    }

    static MessageResponse of(MessageDocument message) {
        return of(message, null);
    }

    static MessageResponse of(MessageDocument message, String parentId) {
        return of(message, parentId, null);
    }

    static MessageResponse of(MessageDocument message, String parentId, WebhookStatus webhook) {
        return new MessageResponse(message.id(), message.role(), message.content(), message.status(),
                message.model(), message.requestId(), message.finishReason(), message.usage(), message.error(),
                message.createdAt(), message.completedAt(), parentId, message.promptId(), message.promptVersion(),
                webhook, message.attachments().isEmpty() ? null : message.attachments(), message.temperature(),
                message.maxTokens());
    }
}
