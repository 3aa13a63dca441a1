package dev.parley.ingress.webhook;

import java.time.Instant;

/** @param secret shown only in this answer; the HMAC key of every later delivery's signature */
record CreatedWebhookSecretResponse(String secret, Instant createdAt) {
}
