package dev.parley.ingress.providerkey;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The two key rings of users' own provider keys, each {@code v1:<base64 of 32 bytes>[,v2:...]} (newest seals).
 *
 * @param keyEncryptionKeys seals keys at rest in {@code provider_keys}; only this service has it
 * @param transportKeys seals a key into ChatRequested; shared with llm-worker
 */
@Validated
@ConfigurationProperties("parley.security")
record ProviderKeyProperties(@NotBlank String keyEncryptionKeys, @NotBlank String transportKeys) {
}
