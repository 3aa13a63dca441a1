package dev.parley.worker.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.events.ProviderCredential;
import dev.parley.platform.crypto.KeyRing;

/**
 * Opens the provider key a request carries (the user's own, or the server-held key of a catalog provider), sealed
 * by api-ingress for exactly this request (AAD {@code requestId:userId:provider}), so that a credential copied into
 * another request does not open.
 */
@Component
public class TransportCredentials {

    private static final Logger log = LoggerFactory.getLogger(TransportCredentials.class);

    private final KeyRing ring;

    TransportCredentials(CredentialProperties properties) {
        this.ring = ring(properties.transportKeys());
    }

    /** @return the key, or nothing when this worker has no ring or the credential does not open */
    public Optional<String> open(String requestId, String userId, String provider, ProviderCredential credential) {
        if (ring == null) {
            log.warn("Request {} carries a provider key, but parley.worker.transport-keys is not set", requestId);
            return Optional.empty();
        }
        var sealed = new KeyRing.Sealed(credential.getKeyVersion(), bytes(credential.getIv().duplicate()),
                bytes(credential.getCiphertext().duplicate()));
        try {
            return Optional.of(new String(ring.open(sealed, requestId + ":" + userId + ":" + provider),
                    StandardCharsets.UTF_8));
        } catch (KeyRing.CryptoException e) {
            log.warn("The provider key of request {} does not open: {}", requestId, e.getMessage());
            return Optional.empty();
        }
    }

    private static KeyRing ring(String transportKeys) {
        if (transportKeys == null || transportKeys.isBlank()) {
            return null;
        }
        try {
            return KeyRing.parse(transportKeys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.worker.transport-keys is invalid: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
