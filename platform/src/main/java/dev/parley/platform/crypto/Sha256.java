package dev.parley.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way Parley hashes and compares secrets (API keys, refresh tokens, service and integration tokens). A fast
 * hash is right for them: they are random with 256 bits of entropy, and each request looks one up by its hash. A
 * presented secret is compared by its digest, in constant time: equal-length digests, so the time taken reveals
 * neither how much of a guess was right nor the secret's length.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of the UTF-8 bytes of {@code value}. */
    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest in lower-case hex: how a stored secret is kept and looked up. */
    public static String hex(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    /** Whether two digests are equal, in time that does not depend on where they differ. */
    public static boolean equal(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }
}
