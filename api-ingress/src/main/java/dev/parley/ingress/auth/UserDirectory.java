package dev.parley.ingress.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.parley.platform.problem.ApiProblem;

/** What other features may know about accounts: whether one exists, and outside systems' users. */
@Service
public class UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final UserRepository users;
    private final Clock clock;

    UserDirectory(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public boolean exists(String userId) {
        return users.existsById(userId);
    }

    /** The id of the user an outside system knows as {@code externalId} (a unique index: one keyed read). */
    public Optional<String> findExternal(String externalId) {
        return users.findByExternalId(externalId).map(UserDocument::id);
    }

    /**
     * The user an outside system knows as {@code externalId}, created when new. A new user has no password (it
     * cannot sign in until one is set) and the email only if the outside system gave one.
     *
     * @throws ApiProblem 409 when the email belongs to another account
     */
    public ExternalUser findOrCreateExternal(String externalId, String email, String displayName) {
        var known = users.findByExternalId(externalId);
        if (known.isPresent()) {
            return new ExternalUser(externalId, known.get().id(), false);
        }
        String normalized = email == null || email.isBlank() ? null : Emails.normalize(email);
        String name = displayName != null && !displayName.isBlank() ? displayName.trim()
                : normalized != null ? normalized.substring(0, normalized.indexOf('@')) : externalId;
        var user = new UserDocument(new ObjectId().toHexString(), normalized, null, name,
                List.of(UserDocument.ROLE_USER), clock.instant(), externalId, false, null);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            // a concurrent call created the same external user, or the email is another account's
            return users.findByExternalId(externalId)
                    .map(existing -> new ExternalUser(externalId, existing.id(), false))
                    .orElseThrow(() -> ApiProblem.conflict("An account with this email already exists"));
        }
        log.info("Created user {} for external id {}", user.id(), externalId);
        return new ExternalUser(externalId, user.id(), true);
    }
}
