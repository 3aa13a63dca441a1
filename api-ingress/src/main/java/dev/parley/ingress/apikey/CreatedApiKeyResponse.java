package dev.parley.ingress.apikey;

import java.time.Instant;

/** The answer to creating a key: the only time {@code key} is shown. */
public record CreatedApiKeyResponse(String id, String name, String prefix, String key, Instant createdAt,
        Instant expiresAt) {

    static CreatedApiKeyResponse of(ApiKeyDocument document, String key) {
        return new CreatedApiKeyResponse(document.id(), document.name(), document.prefix(), key,
                document.createdAt(), document.expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
