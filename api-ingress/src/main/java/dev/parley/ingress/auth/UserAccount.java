package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it; never a password hash. */
public record UserAccount(String id, String email, String displayName, List<String> roles, boolean disabled,
        boolean deleted, Instant deletedAt, String externalId, Instant createdAt) {

    static UserAccount of(UserDocument user) {
        return new UserAccount(user.id(), user.email(), user.displayName(), user.roles(), user.disabled(),
                user.deletedAt() != null, user.deletedAt(), user.externalId(), user.createdAt());
    }
}
