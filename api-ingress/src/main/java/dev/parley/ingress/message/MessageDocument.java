package dev.parley.ingress.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of a conversation. A user message is final when stored; an assistant message starts PENDING and
 * is finished by the terminal event of its request.
 *
 * @param requestId the generation request the message belongs to (both the question and its answer)
 * @param terminalSequence stream sequence of the terminal event, so that a re-stream keeps the event ids
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
        Instant completedAt) {
}
