package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user account; {@code email} is stored lower-cased so that the unique index ignores case.
 *
 * @param email absent for a user an outside system created without one (hence the sparse index)
 * @param passwordHash absent for a user created by an outside system: no password login until one is set
 * @param roles {@code USER}, and {@code ADMIN} for administrators; read per request (cached briefly) for
 *        authorization; the token's {@code roles} claim only informs clients
 * @param externalId the user's id in the outside system that manages its quota, if any
 * @param disabled an admin disabled the account: no sign-in, no refresh, its tokens and keys are refused
 * @param deletedAt when an admin deleted the account (soft: the document stays, the account is dead)
 */
@Document("users")
record UserDocument(
        @Id String id,
        @Indexed(unique = true, sparse = true) String email,
        String passwordHash,
        String displayName,
        List<String> roles,
        Instant createdAt,
        @Indexed(unique = true, sparse = true) String externalId,
        boolean disabled,
        Instant deletedAt) {

    static final String ROLE_USER = "USER";
    static final String ROLE_ADMIN = "ADMIN";

    /** Whether the account may sign in and use its tokens and keys. */
    boolean active() {
        return !disabled && deletedAt == null;
    }
}
