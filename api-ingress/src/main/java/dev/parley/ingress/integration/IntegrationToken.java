package dev.parley.ingress.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a presented integration token in constant time: both sides are hashed first, so that neither the
 * comparison nor the lengths reveal how much of a guess was right.
 */
public final class IntegrationToken {

    private final byte[] expected;

    public IntegrationToken(String configured) {
        this.expected = configured == null || configured.isBlank() ? null : sha256(configured);
    }

    public boolean matches(String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "IntegrationToken[<hidden>]";
    }
}
