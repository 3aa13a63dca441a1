package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyServiceTest {

    @TempDir
    Path repo;

    @Test
    void findsTheNewestRunnableJarAndIgnoresThePlainOne() throws IOException {
        Path target = Files.createDirectories(repo.resolve("llm-worker/target"));
        Files.createFile(target.resolve("llm-worker-0.1.0-SNAPSHOT.jar"));
        Path old = Files.createFile(target.resolve("llm-worker-0.0.9-exec.jar"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Path current = Files.createFile(target.resolve("llm-worker-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ParleyService.LLM_WORKER.findJar(repo)).contains(current);
        assertThat(ParleyService.API_INGRESS.findJar(repo)).isEmpty();
    }
}
