package dev.parley.ingress.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A live refresh token, known only by its SHA-256 hash. Rotation deletes it, so each one is usable once; MongoDB
 * deletes expired ones by the TTL index.
 */
@Document("refresh_tokens")
record RefreshTokenDocument(
        @Id String id,
        @Indexed(unique = true) String hash,
        String userId,
        Instant createdAt,
        @Indexed(expireAfter = "0s") Instant expiresAt) {
}
