package dev.parley.ingress.providerkey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.parley.events.ProviderCredential;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.crypto.KeyRing;

/**
 * Seals users' provider keys: at rest with the storage ring, bound to user and provider, and for the worker with
 * the transport ring, bound to the request as well, so that neither ciphertext opens anywhere else.
 */
final class ProviderKeySealer {

    private final KeyRings rings;

    ProviderKeySealer(KeyRings rings) {
        this.rings = rings;
    }

    KeyRing.Sealed store(String userId, String provider, String apiKey) {
        return rings.storage().seal(apiKey.getBytes(StandardCharsets.UTF_8), storageAad(userId, provider));
    }

    /** Re-seals a stored key for one request; the plaintext lives only inside this method. */
    ProviderCredential forTransport(String requestId, ProviderKeyDocument stored) {
        byte[] apiKey = rings.storage().open(
                new KeyRing.Sealed(stored.keyVersion(), stored.iv(), stored.ciphertext()),
                storageAad(stored.userId(), stored.provider()));
        try {
            return rings.forTransport(requestId, stored.userId(), stored.provider(), apiKey);
        } finally {
            Arrays.fill(apiKey, (byte) 0);
        }
    }

    static String storageAad(String userId, String provider) {
        return userId + ":" + provider;
    }
}
