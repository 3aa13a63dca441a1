package dev.parley.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.parley.platform.crypto.KeyRing;

/**
 * Users' webhook signing secrets: created or rotated on request and shown once, stored sealed, opened only to sign
 * a delivery. The storage ring is parsed at startup, so that a missing or malformed ring stops the service.
 */
@Service
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private final WebhookSecretRepository secrets;
    private final KeyRing storage;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(WebhookSecretRepository secrets, WebhookKeyProperties properties, Clock clock) {
        this.secrets = secrets;
        this.storage = ring(properties.keyEncryptionKeys());
        this.clock = clock;
    }

    /** A new secret replaces the old one at once: later attempts, retries included, are signed with it. */
    CreatedWebhookSecretResponse create(String userId) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        KeyRing.Sealed sealed = storage.seal(secret.getBytes(StandardCharsets.UTF_8), aad(userId));
        var stored = secrets.save(new WebhookSecretDocument(userId, sealed.keyVersion(), sealed.iv(),
                sealed.ciphertext(), clock.instant()));
        return new CreatedWebhookSecretResponse(secret, stored.createdAt());
    }

    WebhookSecretResponse describe(String userId) {
        return secrets.findById(userId).map(stored -> new WebhookSecretResponse(true, stored.createdAt()))
                .orElseGet(() -> new WebhookSecretResponse(false, null));
    }

    public boolean exists(String userId) {
        return secrets.existsById(userId);
    }

    /**
     * The secret to sign with; empty when there is none.
     *
     * @throws KeyRing.CryptoException when its ring version was dropped or the record was altered
     */
    Optional<String> signingSecret(String userId) {
        return secrets.findById(userId).map(stored -> new String(storage.open(
                new KeyRing.Sealed(stored.keyVersion(), stored.iv(), stored.ciphertext()), aad(userId)),
                StandardCharsets.UTF_8));
    }

    static String aad(String userId) {
        return "webhook:" + userId;
    }

    private static KeyRing ring(String value) {
        try {
            return KeyRing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.security.key-encryption-keys is invalid: " + e.getMessage(), e);
        }
    }
}
