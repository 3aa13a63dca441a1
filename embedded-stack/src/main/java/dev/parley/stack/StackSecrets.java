package dev.parley.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The service token, JWT secret and the key rings of users' own provider keys of the local stack. An environment
 * value wins; otherwise each is generated once and kept in a file only its owner can read, so issued tokens stay
 * valid and stored provider keys stay readable across restarts.
 *
 * @param keyEncryptionKeys api-ingress's ring for provider keys at rest ({@code v1:<base64 of 32 bytes>})
 * @param transportKeys the ring api-ingress and llm-worker share for provider keys in events
 */
record StackSecrets(String serviceToken, String jwtSecret, String keyEncryptionKeys, String transportKeys) {

    static final String SERVICE_TOKEN = "PARLEY_SERVICE_TOKEN";
    static final String JWT_SECRET = "PARLEY_JWT_SECRET";
    static final String KEY_ENCRYPTION_KEYS = "PARLEY_KEY_ENCRYPTION_KEYS";
    static final String TRANSPORT_KEYS = "PARLEY_TRANSPORT_KEYS";
    /** Outside systems' token for the quota integration; kept apart from the record so that it stays optional. */
    static final String INTEGRATION_TOKEN = "PARLEY_INTEGRATION_TOKEN";
    /** The one-time proof that makes a signed-in user the first admin ({@code POST /api/admin/bootstrap}). */
    static final String ADMIN_TOKEN = "PARLEY_ADMIN_TOKEN";

    private static final int SERVICE_TOKEN_BYTES = 32;
    // HS256 wants a key of at least 256 bits; 48 random bytes encode to 64 characters.
    private static final int JWT_SECRET_BYTES = 48;
    // AES-256
    private static final int KEY_RING_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static StackSecrets loadOrCreate(Path file, Map<String, String> env, SecureRandom random) {
        Properties stored = read(file);
        boolean changed = false;
        Map<String, Supplier<String>> generators = Map.of(
                SERVICE_TOKEN, () -> generate(random, SERVICE_TOKEN_BYTES),
                JWT_SECRET, () -> generate(random, JWT_SECRET_BYTES),
                KEY_ENCRYPTION_KEYS, () -> keyRing(random),
                TRANSPORT_KEYS, () -> keyRing(random));
        for (var secret : generators.entrySet()) {
            if (isBlank(env.get(secret.getKey())) && isBlank(stored.getProperty(secret.getKey()))) {
                stored.setProperty(secret.getKey(), secret.getValue().get());
                changed = true;
            }
        }
        if (changed) {
            write(file, stored);
        }
        return new StackSecrets(pick(env, stored, SERVICE_TOKEN), pick(env, stored, JWT_SECRET),
                pick(env, stored, KEY_ENCRYPTION_KEYS), pick(env, stored, TRANSPORT_KEYS));
    }

    /**
     * The integration token: from the environment, else from the same file, else generated into it (next to the
     * other secrets, which are kept).
     */
    static String integrationToken(Path file, Map<String, String> env, SecureRandom random) {
        return token(INTEGRATION_TOKEN, file, env, random);
    }

    /** The admin bootstrap token, found or generated like {@link #integrationToken}. */
    static String adminToken(Path file, Map<String, String> env, SecureRandom random) {
        return token(ADMIN_TOKEN, file, env, random);
    }

    private static String token(String name, Path file, Map<String, String> env, SecureRandom random) {
        if (!isBlank(env.get(name))) {
            return env.get(name);
        }
        Properties stored = read(file);
        if (isBlank(stored.getProperty(name))) {
            stored.setProperty(name, generate(random, SERVICE_TOKEN_BYTES));
            write(file, stored);
        }
        return stored.getProperty(name);
    }

    /** Never shows the values: this record ends up in logs and exception messages by accident otherwise. */
    @Override
    public String toString() {
        return "StackSecrets[serviceToken=***, jwtSecret=***, keyEncryptionKeys=***, transportKeys=***]";
    }

    private static String pick(Map<String, String> env, Properties stored, String name) {
        String fromEnv = env.get(name);
        return isBlank(fromEnv) ? stored.getProperty(name) : fromEnv;
    }

    private static String generate(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** A one-key ring in the form the services parse: version 1, standard Base64. */
    private static String keyRing(SecureRandom random) {
        byte[] key = new byte[KEY_RING_BYTES];
        random.nextBytes(key);
        return "v1:" + Base64.getEncoder().encodeToString(key);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
                restrict(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    // Written to an owner-only temporary file first, so the secrets are never readable by others, even briefly.
    private static void write(Path file, Properties properties) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = posix()
                    ? Files.createTempFile(dir, ".secrets", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".secrets", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp)) {
                properties.store(writer, "Generated by ./parley up. Keep private; delete to rotate.");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
