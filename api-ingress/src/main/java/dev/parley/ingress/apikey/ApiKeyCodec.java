package dev.parley.ingress.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.parley.platform.crypto.Sha256;

/**
 * Personal API keys look like {@code pk_<prefix>_<secret>}: the 8 hex characters of the prefix let people tell
 * their keys apart, the secret is 32 random bytes in base64url. Only the SHA-256 hash of the whole key is stored.
 * A slow password hash (bcrypt) would be wrong here: every request authenticates by looking the key up by its
 * hash, which must be one index lookup, and 256 random bits cannot be brute-forced however fast the hash is.
 */
final class ApiKeyCodec {

    static final String SCHEME = "pk_";

    private static final int PREFIX_BYTES = 4;
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random;

    ApiKeyCodec(SecureRandom random) {
        this.random = random;
    }

    /** A new key; {@code key} is its only plain-text copy. */
    NewKey generate() {
        String prefix = SCHEME + HexFormat.of().formatHex(bytes(PREFIX_BYTES));
        String key = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
        return new NewKey(prefix, key, hash(key));
    }

    /** Whether a bearer token is meant as an API key rather than a JWT (a JWT always starts with "eyJ"). */
    static boolean isApiKey(String token) {
        return token != null && token.startsWith(SCHEME);
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** @param prefix the visible start of the key, e.g. {@code pk_1a2b3c4d} */
    record NewKey(String prefix, String key, String hash) {

        @Override
        public String toString() {
            return "NewKey[prefix=" + prefix + "]";
        }
    }
}
