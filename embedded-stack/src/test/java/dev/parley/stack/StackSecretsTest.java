package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceIntoAnOwnerOnlyFileAndReusesItOnTheNextStart() throws IOException {
        Path file = dir.resolve("home/secrets.properties");

        StackSecrets first = StackSecrets.loadOrCreate(file, Map.of(), new SecureRandom());
        StackSecrets second = StackSecrets.loadOrCreate(file, Map.of(), new SecureRandom());

        assertThat(second).isEqualTo(first);
        assertThat(first.serviceToken()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(first.jwtSecret());
        assertThat(first.jwtSecret().getBytes()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains(first.serviceToken(), first.jwtSecret());
        assertThat(first.keyEncryptionKeys()).matches("v1:[A-Za-z0-9+/]{43}=").isNotEqualTo(first.transportKeys());
        assertThat(first.transportKeys()).matches("v1:[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(first.transportKeys().substring(3))).hasSize(32);
    }

    @Test
    void environmentValuesWinAndAreNeverWrittenToTheFile() throws IOException {
        Path file = dir.resolve("secrets.properties");
        var env = Map.of(StackSecrets.SERVICE_TOKEN, "token-from-env", StackSecrets.JWT_SECRET, "jwt-from-env",
                StackSecrets.KEY_ENCRYPTION_KEYS, "v1:storage-from-env", StackSecrets.TRANSPORT_KEYS,
                "v1:transport-from-env");

        StackSecrets secrets = StackSecrets.loadOrCreate(file, env, new SecureRandom());

        assertThat(secrets).isEqualTo(new StackSecrets("token-from-env", "jwt-from-env", "v1:storage-from-env",
                "v1:transport-from-env"));
        assertThat(file).doesNotExist();
    }

    @Test
    void generatesOnlyTheSecretTheEnvironmentDoesNotProvide() throws IOException {
        Path file = dir.resolve("secrets.properties");

        StackSecrets secrets = StackSecrets.loadOrCreate(file, Map.of(StackSecrets.JWT_SECRET, "jwt-from-env"),
                new SecureRandom());

        assertThat(secrets.jwtSecret()).isEqualTo("jwt-from-env");
        assertThat(Files.readString(file)).contains(secrets.serviceToken()).doesNotContain("jwt-from-env");
        assertThat(StackSecrets.loadOrCreate(file, Map.of(), new SecureRandom()).serviceToken())
                .isEqualTo(secrets.serviceToken());
    }

    @Test
    void tightensTheModeOfAnExistingFile() throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "PARLEY_SERVICE_TOKEN=kept\nPARLEY_JWT_SECRET=kept-too\n"
                + "PARLEY_KEY_ENCRYPTION_KEYS=v1:kept\nPARLEY_TRANSPORT_KEYS=v1:kept-too\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StackSecrets secrets = StackSecrets.loadOrCreate(file, Map.of(), new SecureRandom());

        assertThat(secrets).isEqualTo(new StackSecrets("kept", "kept-too", "v1:kept", "v1:kept-too"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void toStringNeverShowsTheValues() {
        assertThat(new StackSecrets("s3cr3t-token", "s3cr3t-jwt", "v1:s3cr3t-kek", "v1:s3cr3t-tk").toString())
                .doesNotContain("s3cr3t").contains("***");
    }
}
