package dev.parley.ingress.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A set-password link (collection {@code password_links}), stored only as the SHA-256 of its token.
 *
 * @param id the token's hash: a link is found by {@code _id}
 * @param issuedBy {@code integration} or the admin's user id
 * @param usedAt set once, by the one conditional update that redeems the link
 */
@Document(PasswordLinks.COLLECTION)
record PasswordLinkDocument(@Id String id, String userId, String issuedBy, Instant createdAt,
        @Indexed(expireAfter = "0s") Instant expiresAt, Instant usedAt) {
}
