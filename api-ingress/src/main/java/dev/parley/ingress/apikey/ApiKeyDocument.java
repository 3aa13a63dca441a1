package dev.parley.ingress.apikey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A personal API key, known only by its SHA-256 hash.
 *
 * @param prefix the visible start of the key, shown in lists so that people recognize their keys
 * @param expiresAt null for a key that does not expire
 * @param revokedAt null while the key is live; revoked keys stay listed
 */
@Document("api_keys")
record ApiKeyDocument(
        @Id String id,
        @Indexed String userId,
        String name,
        String prefix,
        @Indexed(unique = true) String hash,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
