package dev.parley.ingress.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether the caller has a webhook secret and since when; never the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookSecretResponse(boolean exists, Instant createdAt) {
}
