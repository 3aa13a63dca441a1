package dev.parley.ingress.apikey;

import java.time.Instant;

/** A key as listed: never its secret. */
public record ApiKeyResponse(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, boolean revoked) {

    static ApiKeyResponse of(ApiKeyDocument document) {
        return new ApiKeyResponse(document.id(), document.name(), document.prefix(), document.createdAt(),
                document.lastUsedAt(), document.expiresAt(), document.revokedAt() != null);
    }
}
