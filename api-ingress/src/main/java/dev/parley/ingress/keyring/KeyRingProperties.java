package dev.parley.ingress.keyring;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The two key rings of provider keys, each {@code v1:<base64 of 32 bytes>[,v2:...]} (newest seals).
 *
 * @param keyEncryptionKeys seals keys at rest (users' keys in {@code provider_keys}, server keys in
 *        {@code providers}); only this service has it
 * @param transportKeys seals a key into ChatRequested; shared with llm-worker
 */
@Validated
@ConfigurationProperties("parley.security")
record KeyRingProperties(@NotBlank String keyEncryptionKeys, @NotBlank String transportKeys) {

    @Override
    public String toString() {
        return "KeyRingProperties[<hidden>]";
    }
}
