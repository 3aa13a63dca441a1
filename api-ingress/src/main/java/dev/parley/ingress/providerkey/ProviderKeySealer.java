package dev.parley.ingress.providerkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.parley.events.ProviderCredential;
import dev.parley.platform.crypto.KeyRing;

/**
 * Seals users' provider keys: at rest with the storage ring, bound to user and provider, and for the worker with
 * the transport ring, bound to the request as well, so that neither ciphertext opens anywhere else.
 */
final class ProviderKeySealer {

    private final KeyRing storage;
    private final KeyRing transport;

    ProviderKeySealer(KeyRing storage, KeyRing transport) {
        this.storage = storage;
        this.transport = transport;
    }

    static ProviderKeySealer of(ProviderKeyProperties properties) {
        return new ProviderKeySealer(ring("parley.security.key-encryption-keys", properties.keyEncryptionKeys()),
                ring("parley.security.transport-keys", properties.transportKeys()));
    }

    KeyRing.Sealed store(String userId, String provider, String apiKey) {
        return storage.seal(apiKey.getBytes(StandardCharsets.UTF_8), storageAad(userId, provider));
    }

    /** Re-seals a stored key for one request; the plaintext lives only inside this method. */
    ProviderCredential forTransport(String requestId, ProviderKeyDocument stored) {
        byte[] apiKey = storage.open(new KeyRing.Sealed(stored.keyVersion(), stored.iv(), stored.ciphertext()),
                storageAad(stored.userId(), stored.provider()));
        KeyRing.Sealed sealed;
        try {
            sealed = transport.seal(apiKey, requestId + ":" + stored.userId() + ":" + stored.provider());
        } finally {
            Arrays.fill(apiKey, (byte) 0);
        }
        return ProviderCredential.newBuilder()
                .setKeyVersion(sealed.keyVersion())
                .setIv(ByteBuffer.wrap(sealed.iv()))
                .setCiphertext(ByteBuffer.wrap(sealed.ciphertext()))
                .build();
    }

    static String storageAad(String userId, String provider) {
        return userId + ":" + provider;
    }

    private static KeyRing ring(String property, String value) {
        try {
            return KeyRing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is invalid: " + e.getMessage(), e);
        }
    }
}
