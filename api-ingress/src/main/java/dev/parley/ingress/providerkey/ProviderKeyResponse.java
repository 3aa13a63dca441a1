package dev.parley.ingress.providerkey;

import java.time.Instant;

/** A stored key as users see it: never the key, only its masked last four characters. */
record ProviderKeyResponse(String provider, String masked, int keyVersion, Instant updatedAt) {

    static ProviderKeyResponse of(ProviderKeyDocument document) {
        return new ProviderKeyResponse(document.provider(), "…" + document.lastFour(), document.keyVersion(),
                document.updatedAt());
    }
}
