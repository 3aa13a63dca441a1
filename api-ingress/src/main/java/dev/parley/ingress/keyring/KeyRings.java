package dev.parley.ingress.keyring;

import java.nio.ByteBuffer;

import dev.parley.events.ProviderCredential;
import dev.parley.platform.crypto.KeyRing;

/**
 * The storage ring (provider keys at rest) and the transport ring (a key in one ChatRequested). Features seal at
 * rest with their own AAD; every key that travels is sealed the same way, bound to request, user and provider
 * (AAD {@code requestId:userId:provider}), whether it is the user's own key or the server's.
 */
public final class KeyRings {

    private final KeyRing storage;
    private final KeyRing transport;

    public KeyRings(KeyRing storage, KeyRing transport) {
        this.storage = storage;
        this.transport = transport;
    }

    /** Parses both rings; a missing or malformed ring names its property, so that startup says what is wrong. */
    public static KeyRings of(String storage, String transport) {
        return new KeyRings(ring("parley.security.key-encryption-keys", storage),
                ring("parley.security.transport-keys", transport));
    }

    public KeyRing storage() {
        return storage;
    }

    /** Seals a plaintext key for one request; the caller wipes its copy of the plaintext. */
    public ProviderCredential forTransport(String requestId, String userId, String provider, byte[] apiKey) {
        KeyRing.Sealed sealed = transport.seal(apiKey, transportAad(requestId, userId, provider));
        return ProviderCredential.newBuilder()
                .setKeyVersion(sealed.keyVersion())
                .setIv(ByteBuffer.wrap(sealed.iv()))
                .setCiphertext(ByteBuffer.wrap(sealed.ciphertext()))
                .build();
    }

    public static String transportAad(String requestId, String userId, String provider) {
        return requestId + ":" + userId + ":" + provider;
    }

    private static KeyRing ring(String property, String value) {
        try {
            return KeyRing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is invalid: " + e.getMessage(), e);
        }
    }
}
