package dev.parley.ingress.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, known only by its SHA-256 hash. Every sign-in starts a family; each refresh marks the token used
 * and issues the next one of the same family. A used token stays stored until it expires, so that its reuse is
 * recognised (RFC 9700, 4.14.2) and ends the whole family. MongoDB deletes expired ones by the TTL index.
 *
 * @param familyId the sign-in the token descends from; null for tokens stored before families (a family of one)
 * @param usedAt when it was exchanged for the next one; null while it is live
 */
@Document("refresh_tokens")
record RefreshTokenDocument(
        @Id String id,
        @Indexed(unique = true) String hash,
        String userId,
        Instant createdAt,
        @Indexed(expireAfter = "0s") Instant expiresAt,
        String familyId,
        Instant usedAt) {

    String family() {
        return familyId == null ? id : familyId;
    }
}
