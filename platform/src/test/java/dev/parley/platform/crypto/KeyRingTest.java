package dev.parley.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String V1 = key(1);
    private static final String V2 = key(2);

    private static String key(int fill) {
        var bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final byte[] SECRET = "sk-user-secret-1234".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTrip() {
        var ring = KeyRing.parse("v1:" + V1);
        var sealed = ring.seal(SECRET, "u1:openai");

        assertThat(sealed.keyVersion()).isEqualTo(1);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(SECRET.length + 16);
        assertThat(ring.open(sealed, "u1:openai")).isEqualTo(SECRET);
    }

    @Test
    void freshIvPerSeal() {
        var ring = KeyRing.parse("v1:" + V1);

        assertThat(ring.seal(SECRET, "a").iv()).isNotEqualTo(ring.seal(SECRET, "a").iv());
    }

    @Test
    void wrongAadFails() {
        var ring = KeyRing.parse("v1:" + V1);
        var sealed = ring.seal(SECRET, "u1:openai");

        assertThatThrownBy(() -> ring.open(sealed, "u2:openai")).isInstanceOf(KeyRing.CryptoException.class);
    }

    @Test
    void tamperedCiphertextFails() {
        var ring = KeyRing.parse("v1:" + V1);
        var sealed = ring.seal(SECRET, "aad");
        var bytes = sealed.ciphertext().clone();
        bytes[0] ^= 1;

        assertThatThrownBy(() -> ring.open(new KeyRing.Sealed(1, sealed.iv(), bytes), "aad"))
                .isInstanceOf(KeyRing.CryptoException.class);
    }

    @Test
    void rotationKeepsOldVersionsOpenable() {
        var old = KeyRing.parse("v1:" + V1).seal(SECRET, "aad");
        var rotated = KeyRing.parse("v2:" + V2 + ", v1:" + V1);

        assertThat(rotated.open(old, "aad")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "aad").keyVersion()).isEqualTo(2);
        assertThat(rotated.currentVersion()).isEqualTo(2);
    }

    @Test
    void unknownVersionFails() {
        var sealed = KeyRing.parse("v2:" + V2).seal(SECRET, "aad");

        assertThatThrownBy(() -> KeyRing.parse("v1:" + V1).open(sealed, "aad"))
                .isInstanceOf(KeyRing.CryptoException.class).hasMessageContaining("v2");
    }

    @Test
    void badConfigIsRejectedClearly() {
        assertThatThrownBy(() -> KeyRing.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyRing.parse("nonsense")).hasMessageContaining("v<N>:<base64>");
        assertThatThrownBy(() -> KeyRing.parse("v1:AAAA")).hasMessageContaining("32-byte");
        assertThatThrownBy(() -> KeyRing.parse("v1:" + V1 + ",v1:" + V2)).hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyRing.parse("vx:" + V1)).hasMessageContaining("v<N>:<base64>");
    }

    @Test
    void generatedKeysParse() {
        var ring = KeyRing.parse(KeyRing.generate(3));

        assertThat(ring.currentVersion()).isEqualTo(3);
        assertThat(ring.open(ring.seal(SECRET, "x"), "x")).isEqualTo(SECRET);
    }
}
