package dev.parley.ingress.flag;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's report about a message, for admins to review. The unique index allows one flag per user and message.
 *
 * @param category what is wrong, e.g. harmful or incorrect; null when the user did not say
 * @param resolvedBy the admin who resolved it
 */
@Document("flags")
@CompoundIndex(name = "messageId_userId", def = "{'messageId': 1, 'userId': 1}", unique = true)
public record FlagDocument(
        @Id String id,
        String conversationId,
        String messageId,
        String userId,
        String reason,
        String category,
        boolean resolved,
        Instant createdAt,
        Instant resolvedAt,
        String resolvedBy) {
}
