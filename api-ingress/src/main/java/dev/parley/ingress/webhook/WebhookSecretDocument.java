package dev.parley.ingress.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's webhook signing secret, AES-GCM sealed with the storage key ring (AAD {@code webhook:<userId>}): signing
 * needs the plaintext, so it cannot be stored as a hash like an API key.
 *
 * @param id the user id: one secret per user
 */
@Document("webhook_secrets")
record WebhookSecretDocument(
        @Id String id,
        int keyVersion,
        byte[] iv,
        byte[] ciphertext,
        Instant createdAt) {
}
