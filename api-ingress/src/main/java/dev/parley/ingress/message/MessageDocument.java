package dev.parley.ingress.message;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.parley.ingress.attachment.AttachmentRef;

/**
 * One message of a conversation. A user message is final when stored; an assistant message starts PENDING and
 * is finished by the terminal event of its request.
 *
 * @param requestId the generation request the message belongs to (both the question and its answer)
 * @param terminalSequence stream sequence of the terminal event, so that a re-stream keeps the event ids
 * @param parentId the message this one follows in the conversation's tree ({@link MessageTree#ROOT} for the
 *        first); null in messages from before branches, which follow the message stored just before them
 * @param promptId the project prompt an answer ran with as its system prompt; null: none
 * @param promptVersion the version of that prompt
 * @param webhookUrl where the finished answer is delivered (ingress.webhook); null: nowhere
 * @param attachments the files a user message carries (their text or images go to the model with it); empty: none
 * @param temperature and {@code maxTokens}: what an answer was generated with (the temperature asked for or the
 *        conversation's, null: the provider's default; the output limit it ran under, the request's or the model's)
 */
@Document("messages")
@CompoundIndex(name = "conversationId_createdAt", def = "{'conversationId': 1, 'createdAt': 1}")
public record MessageDocument(
        @Id String id,
        String conversationId,
        String userId,
        MessageRole role,
        String content,
        MessageStatus status,
        String model,
        String provider,
        @Indexed String requestId,
        String finishReason,
        MessageUsage usage,
        MessageError error,
        Long terminalSequence,
        Instant createdAt,
        Instant completedAt,
        String parentId,
        String promptId,
        Integer promptVersion,
        String webhookUrl,
        List<AttachmentRef> attachments,
        Double temperature,
        Integer maxTokens) {

    public MessageDocument {
        attachments = attachments == null ? List.of() : attachments;
    }

    MessageDocument withParent(String parent) {
        return new MessageDocument(id, conversationId, userId, role, content, status, model, provider, requestId,
                finishReason, usage, error, terminalSequence, createdAt, completedAt, parent, promptId,
                promptVersion, webhookUrl, attachments, temperature, maxTokens);
    }
}
