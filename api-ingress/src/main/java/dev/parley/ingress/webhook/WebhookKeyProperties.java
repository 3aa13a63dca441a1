package dev.parley.ingress.webhook;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The storage key ring that also seals users' provider keys: webhook secrets are sealed at rest with it. */
@Validated
@ConfigurationProperties("parley.security")
record WebhookKeyProperties(@NotBlank String keyEncryptionKeys) {
}
