package dev.parley.ingress.providerkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.parley.events.ProviderCredential;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.crypto.KeyRing;

class ProviderKeySealerTest {

    static final String STORAGE = KeyRing.generate(1);
    static final String TRANSPORT = KeyRing.generate(1);
    static final String KEY = "sk-user-0123456789";

    final ProviderKeySealer sealer = new ProviderKeySealer(KeyRings.of(STORAGE, TRANSPORT));

    @Test
    void aStoredKeyIsResealedForOneRequestWithTheTransportRing() {
        ProviderCredential credential = sealer.forTransport("r1", stored("u1", "openai", "u1", "openai"));

        var sealed = new KeyRing.Sealed(credential.getKeyVersion(), bytes(credential.getIv()),
                bytes(credential.getCiphertext()));
        assertThat(new String(KeyRing.parse(TRANSPORT).open(sealed, "r1:u1:openai"), StandardCharsets.UTF_8))
                .isEqualTo(KEY);
        assertThatThrownBy(() -> KeyRing.parse(TRANSPORT).open(sealed, "r2:u1:openai"))
                .isInstanceOf(KeyRing.CryptoException.class);
    }

    @Test
    void aCiphertextMovedToAnotherUserOrProviderDoesNotOpen() {
        assertThatThrownBy(() -> sealer.forTransport("r1", stored("u1", "openai", "u2", "openai")))
                .isInstanceOf(KeyRing.CryptoException.class);
        assertThatThrownBy(() -> sealer.forTransport("r1", stored("u1", "openai", "u1", "anthropic")))
                .isInstanceOf(KeyRing.CryptoException.class);
    }

    @Test
    void aMissingOrMalformedRingStopsTheService() {
        assertThatThrownBy(() -> KeyRings.of("v1:short", TRANSPORT))
                .hasMessageContaining("parley.security.key-encryption-keys");
        assertThatThrownBy(() -> KeyRings.of(STORAGE, ""))
                .hasMessageContaining("parley.security.transport-keys");
    }

    /** A record whose ciphertext was sealed for one owner and provider but is filed under another. */
    ProviderKeyDocument stored(String sealedFor, String sealedProvider, String userId, String provider) {
        KeyRing.Sealed sealed = sealer.store(sealedFor, sealedProvider, KEY);
        return new ProviderKeyDocument(ProviderKeyDocument.id(userId, provider), userId, provider,
                sealed.keyVersion(), sealed.iv(), sealed.ciphertext(), "6789", Instant.EPOCH);
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
