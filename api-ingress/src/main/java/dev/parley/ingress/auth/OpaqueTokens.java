package dev.parley.ingress.auth;

import java.security.SecureRandom;
import java.util.Base64;

import dev.parley.platform.crypto.Sha256;

/**
 * Random bearer secrets that are stored only as their SHA-256 hash: a leaked database does not yield usable
 * tokens, and a fast hash is enough because the tokens carry 256 bits of entropy.
 */
final class OpaqueTokens {

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
