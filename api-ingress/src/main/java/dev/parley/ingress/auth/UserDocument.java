package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A user account; {@code email} is stored lower-cased so that the unique index ignores case. */
@Document("users")
record UserDocument(
        @Id String id,
        @Indexed(unique = true) String email,
        String passwordHash,
        String displayName,
        List<String> roles,
        Instant createdAt) {

    static final String ROLE_USER = "USER";
}
