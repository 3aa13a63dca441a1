package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedJarTest {

    @TempDir
    Path dir;

    @Test
    void aPlainJarRunsAsItIsWithItsOwnMainClass() throws IOException {
        Path jar = jar("plain.jar", Attributes.Name.MAIN_CLASS.toString(), "example.Main");

        assertThat(ExtractedJar.of(jar)).isEqualTo(new ExtractedJar.Launch(jar.toAbsolutePath(), "example.Main"));
        assertThat(ExtractedJar.destinationOf(jar.toAbsolutePath())).doesNotExist();
    }

    @Test
    void aSpringBootJarIsExtractedIntoADirectoryBesideIt() {
        Path jar = dir.resolve("llm-worker-0.1.0-exec.jar");

        assertThat(ExtractedJar.destinationOf(jar)).isEqualTo(dir.resolve("llm-worker-0.1.0-exec-extracted"));
    }

    @Test
    void aJarSpringBootCannotExtractFailsTheLaunchWithTheToolsOutput() throws IOException {
        Path jar = jar("broken-exec.jar", ExtractedJar.START_CLASS, "example.Application");

        assertThatThrownBy(() -> ExtractedJar.of(jar)).hasMessageContaining("cannot extract")
                .hasMessageContaining("broken-exec.jar");
        assertThat(ExtractedJar.destinationOf(jar.toAbsolutePath())).doesNotExist();
    }

    private Path jar(String name, String attribute, String value) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name(attribute), value);
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); var jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
        return jar;
    }
}
