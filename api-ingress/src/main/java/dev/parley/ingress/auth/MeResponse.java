package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;

record MeResponse(String id, String email, String displayName, List<String> roles, Instant createdAt) {

    static MeResponse of(UserDocument user) {
        return new MeResponse(user.id(), user.email(), user.displayName(), user.roles(), user.createdAt());
    }
}
