package dev.parley.ingress.flag;

import java.time.Instant;

/** A flag as admins and its author see it. */
public record FlagResponse(String id, String conversationId, String messageId, String userId, String reason,
        String category, boolean resolved, Instant createdAt, Instant resolvedAt, String resolvedBy) {

    static FlagResponse of(FlagDocument flag) {
        return new FlagResponse(flag.id(), flag.conversationId(), flag.messageId(), flag.userId(), flag.reason(),
                flag.category(), flag.resolved(), flag.createdAt(), flag.resolvedAt(), flag.resolvedBy());
    }
}
