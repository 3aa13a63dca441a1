package dev.parley.ingress.apikey;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param expiresAt optional; a key without it lives until revoked */
public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {
}
