package dev.parley.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OpaqueTokensTest {

    final OpaqueTokens tokens = new OpaqueTokens();

    @Test
    void tokensAreLongUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = tokens.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void hashIsStableSha256HexAndNotTheToken() {
        assertThat(OpaqueTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = tokens.generate();
        assertThat(OpaqueTokens.hash(token)).isEqualTo(OpaqueTokens.hash(token)).doesNotContain(token);
    }
}
