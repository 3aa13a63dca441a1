package dev.parley.ingress.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ApiKeyCodecTest {

    final ApiKeyCodec codec = new ApiKeyCodec(new SecureRandom());

    @Test
    void keyIsPrefixThen32RandomBytesAndOnlyItsHashIsKept() {
        ApiKeyCodec.NewKey key = codec.generate();

        assertThat(key.prefix()).matches("pk_[0-9a-f]{8}");
        assertThat(key.key()).startsWith(key.prefix() + "_");
        String secret = key.key().substring(key.prefix().length() + 1);
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(key.hash()).isEqualTo(ApiKeyCodec.hash(key.key())).hasSize(64).doesNotContain(secret);
        assertThat(HexFormat.of().parseHex(key.hash())).hasSize(32);
        assertThat(key.toString()).doesNotContain(secret);
    }

    @Test
    void keysDiffer() {
        assertThat(codec.generate().key()).isNotEqualTo(codec.generate().key());
        assertThat(codec.generate().hash()).isNotEqualTo(codec.generate().hash());
    }

    @Test
    void onlyPkTokensAreApiKeys() {
        assertThat(ApiKeyCodec.isApiKey(codec.generate().key())).isTrue();
        assertThat(ApiKeyCodec.isApiKey("eyJhbGciOiJIUzI1NiJ9.e30.sig")).isFalse();
        assertThat(ApiKeyCodec.isApiKey(null)).isFalse();
    }
}
