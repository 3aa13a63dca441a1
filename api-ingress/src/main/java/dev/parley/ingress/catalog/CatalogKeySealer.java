package dev.parley.ingress.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.parley.events.ProviderCredential;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.crypto.KeyRing;

/**
 * Seals providers' server keys at rest with the storage ring, bound to the provider (AAD {@code catalog:<name>}),
 * and re-seals them for one request exactly like a user's own key, so the worker opens both the same way.
 */
public final class CatalogKeySealer {

    private final KeyRings rings;

    CatalogKeySealer(KeyRings rings) {
        this.rings = rings;
    }

    public ProviderDocument.StoredKey seal(String provider, String apiKey) {
        KeyRing.Sealed sealed = rings.storage().seal(apiKey.getBytes(StandardCharsets.UTF_8), aad(provider));
        return new ProviderDocument.StoredKey(sealed.keyVersion(), sealed.iv(), sealed.ciphertext(),
                apiKey.substring(apiKey.length() - 4));
    }

    /** @throws KeyRing.CryptoException when the key no longer opens (its ring version was dropped) */
    ProviderCredential forTransport(String requestId, String userId, String provider,
            ProviderDocument.StoredKey stored) {
        byte[] apiKey = rings.storage().open(new KeyRing.Sealed(stored.keyVersion(), stored.iv(), stored.ciphertext()),
                aad(provider));
        try {
            return rings.forTransport(requestId, userId, provider, apiKey);
        } finally {
            Arrays.fill(apiKey, (byte) 0);
        }
    }

    static String aad(String provider) {
        return "catalog:" + provider;
    }
}
