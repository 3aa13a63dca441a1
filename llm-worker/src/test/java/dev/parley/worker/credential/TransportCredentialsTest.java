package dev.parley.worker.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.parley.events.ProviderCredential;
import dev.parley.platform.crypto.KeyRing;

class TransportCredentialsTest {

    static final String RING = KeyRing.generate(1);
    final TransportCredentials credentials = new TransportCredentials(new CredentialProperties(RING));

    @Test
    void opensACredentialSealedForTheRequest() {
        assertThat(credentials.open("r1", "u1", "openai", seal(RING, "r1:u1:openai"))).hasValue("sk-user-key");
    }

    @Test
    void aCredentialOfAnotherRequestUserOrProviderDoesNotOpen() {
        ProviderCredential sealed = seal(RING, "r1:u1:openai");

        assertThat(credentials.open("r2", "u1", "openai", sealed)).isEmpty();
        assertThat(credentials.open("r1", "u2", "openai", sealed)).isEmpty();
        assertThat(credentials.open("r1", "u1", "anthropic", sealed)).isEmpty();
    }

    @Test
    void withoutARingNothingOpens() {
        var unconfigured = new TransportCredentials(new CredentialProperties(""));

        assertThat(unconfigured.open("r1", "u1", "openai", seal(RING, "r1:u1:openai"))).isEmpty();
    }

    @Test
    void aCredentialOfAnotherRingDoesNotOpen() {
        assertThat(credentials.open("r1", "u1", "openai", seal(KeyRing.generate(1), "r1:u1:openai"))).isEmpty();
    }

    @Test
    void aMalformedRingStopsTheWorker() {
        assertThatThrownBy(() -> new TransportCredentials(new CredentialProperties("v1:short")))
                .hasMessageContaining("parley.worker.transport-keys");
    }

    static ProviderCredential seal(String ring, String aad) {
        KeyRing.Sealed sealed = KeyRing.parse(ring).seal("sk-user-key".getBytes(StandardCharsets.UTF_8), aad);
        return new ProviderCredential(sealed.keyVersion(), ByteBuffer.wrap(sealed.iv()),
                ByteBuffer.wrap(sealed.ciphertext()));
    }
}
