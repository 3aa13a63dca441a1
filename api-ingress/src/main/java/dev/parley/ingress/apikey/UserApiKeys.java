package dev.parley.ingress.apikey;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A user's API keys handled by someone else: an admin, or the outside system that manages the user (whose users may
 * have no password, so that a key is how their own programs get in). The caller has checked the user exists.
 */
@Service
public class UserApiKeys {

    private static final Logger log = LoggerFactory.getLogger(UserApiKeys.class);

    private final ApiKeyService keys;

    UserApiKeys(ApiKeyService keys) {
        this.keys = keys;
    }

    /** @param issuedBy who asked: an admin's user id, or {@code integration} */
    public CreatedApiKeyResponse issue(String userId, CreateApiKeyRequest request, String issuedBy) {
        CreatedApiKeyResponse created = keys.create(userId, request);
        log.info("API key {} of user {} issued by {}", created.id(), userId, issuedBy);
        return created;
    }

    public List<ApiKeyResponse> list(String userId) {
        return keys.list(userId);
    }

    /** A key of another user is a 404, like a missing one. */
    public void revoke(String userId, String keyId) {
        keys.revoke(userId, keyId);
    }
}
