package dev.parley.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Versioned AES-256-GCM keys. The newest version seals, every listed version opens, so a key can be
 * rotated by adding a version and dropping the old one once nothing sealed with it remains. The AAD binds
 * a ciphertext to its context (owner, provider, request): moved elsewhere it no longer opens.
 */
public final class KeyRing {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SortedMap<Integer, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    private KeyRing(SortedMap<Integer, SecretKey> keys) {
        this.keys = keys;
    }

    /** Parses {@code v1:<base64>,v2:<base64>}; each key must decode to 32 bytes. */
    public static KeyRing parse(String config) {
        if (config == null || config.isBlank()) {
            throw new IllegalArgumentException("key ring is empty: expected v<N>:<base64 of 32 bytes>[,...]");
        }
        var keys = new TreeMap<Integer, SecretKey>();
        for (String entry : config.split(",")) {
            var parsed = parseEntry(entry.trim());
            if (keys.put(parsed.version(), parsed.key()) != null) {
                throw new IllegalArgumentException("key ring lists version v" + parsed.version() + " twice");
            }
        }
        return new KeyRing(Collections.unmodifiableSortedMap(keys));
    }

    /** A fresh random key in the ring's text form, for generated configuration. */
    public static String generate(int version) {
        var key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return "v" + version + ":" + Base64.getEncoder().encodeToString(key);
    }

    public int currentVersion() {
        return keys.lastKey();
    }

    public Sealed seal(byte[] plaintext, String aad) {
        int version = currentVersion();
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(version), iv, aad);
            return new Sealed(version, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens a sealed value; throws {@link CryptoException} on an unknown version, wrong AAD or tampering. */
    public byte[] open(Sealed sealed, String aad) {
        var key = keys.get(sealed.keyVersion());
        if (key == null) {
            throw new CryptoException("no key for version v" + sealed.keyVersion());
        }
        if (sealed.iv() == null || sealed.iv().length != IV_BYTES || sealed.ciphertext() == null) {
            throw new CryptoException("malformed sealed value");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, sealed.iv(), aad).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("sealed value does not open (wrong context or tampered)");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String aad) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static VersionedKey parseEntry(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 2 || entry.charAt(0) != 'v') {
            throw new IllegalArgumentException("key ring entry must look like v<N>:<base64>, got an entry without that form");
        }
        int version;
        byte[] key;
        try {
            version = Integer.parseInt(entry.substring(1, colon));
            key = Base64.getDecoder().decode(entry.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key ring entry must look like v<N>:<base64>: " + e.getMessage());
        }
        if (version < 1 || key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "key ring entry v" + version + " must have a positive version and a 32-byte (256-bit) key");
        }
        return new VersionedKey(version, new SecretKeySpec(key, "AES"));
    }

    /** A sealed value; {@code ciphertext} includes the GCM tag. */
    public record Sealed(int keyVersion, byte[] iv, byte[] ciphertext) {
    }

    /** A value that cannot be opened; the message never contains key material or plaintext. */
    public static final class CryptoException extends RuntimeException {
        CryptoException(String message) {
            super(message);
        }
    }

    private record VersionedKey(int version, SecretKey key) {
    }

}
