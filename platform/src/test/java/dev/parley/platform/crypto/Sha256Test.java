package dev.parley.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void hashesTheUtf8BytesAsTheStandardSays() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("ü")).isEqualTo(Sha256.hex("\u00fc")).hasSize(64);
        assertThat(Sha256.digest("abc")).hasSize(32);
    }

    @Test
    void digestsAreEqualOnlyForTheSameSecret() {
        assertThat(Sha256.equal(Sha256.digest("secret"), Sha256.digest("secret"))).isTrue();
        assertThat(Sha256.equal(Sha256.digest("secret"), Sha256.digest("secreT"))).isFalse();
        assertThat(Sha256.equal(Sha256.digest("secret"), Sha256.digest(""))).isFalse();
    }
}
