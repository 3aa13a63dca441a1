package dev.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event schema must stay fully compatible (old readers read new data, new readers read old data)
 * with each released version kept under {@code src/test/resources/released/<version>/}. A schema change
 * that breaks a consumer still running the previous release fails the build here.
 *
 * <p>To record a release: {@code ./mvnw -pl schemas test -Dschemas.release=<version>} writes the current
 * schemas as the new baseline.
 */
class SchemaCompatibilityTest {

    static final Map<String, Schema> CURRENT = Map.of(
            "ChatRequested", ChatRequested.getClassSchema(),
            "ChatStreamed", ChatStreamed.getClassSchema(),
            "CancelRequested", CancelRequested.getClassSchema(),
            "UsageRecorded", UsageRecorded.getClassSchema(),
            "BalanceThresholdCrossed", BalanceThresholdCrossed.getClassSchema(),
            "ModelPriced", ModelPriced.getClassSchema());

    @TestFactory
    Stream<DynamicTest> currentSchemasAreFullyCompatibleWithEveryReleasedVersion() throws IOException {
        recordReleaseIfAsked();
        return releasedSchemaFiles().map(file -> DynamicTest.dynamicTest(releasedDir().relativize(file).toString(), () -> {
            Schema released = new Schema.Parser().parse(file.toFile());
            Schema current = CURRENT.get(released.getName());
            assertThat(current).as("released event %s still exists", released.getName()).isNotNull();
            assertCompatible(current, released);
        }));
    }

    @Test
    void everyEventHasAReleasedBaseline() throws IOException {
        List<String> baselined = releasedSchemaFiles()
                .map(f -> f.getFileName().toString().replace(".avsc", "")).distinct().toList();
        assertThat(baselined).containsAll(CURRENT.keySet());
    }

    @Test
    void aBreakingChangeIsDetected() {
        Schema released = UsageRecorded.getClassSchema();
        String broken = released.toString().replace(
                "{\"name\":\"ownKey\",\"type\":\"boolean\",\"doc\":\"The call used the user's own provider key.\",\"default\":false}",
                "{\"name\":\"ownKey\",\"type\":\"boolean\"},{\"name\":\"tenant\",\"type\":\"string\"}");
        assertThat(broken).isNotEqualTo(released.toString());
        Schema changed = new Schema.Parser().parse(broken);

        var readNew = SchemaCompatibility.checkReaderWriterCompatibility(changed, released).getType();
        assertThat(readNew).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    static void assertCompatible(Schema current, Schema released) {
        var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        var forward = SchemaCompatibility.checkReaderWriterCompatibility(released, current);
        assertThat(backward.getType()).as("new readers read %s data: %s", released.getName(), backward.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(forward.getType()).as("old readers read new %s data: %s", released.getName(), forward.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    static Stream<Path> releasedSchemaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(releasedDir())) {
            return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList().stream();
        }
    }

    static Path releasedDir() {
        try {
            return Paths.get(SchemaCompatibilityTest.class.getResource("/released").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the current schemas as a released baseline into the source tree, when asked. */
    static void recordReleaseIfAsked() {
        String version = System.getProperty("schemas.release");
        if (version == null || version.isBlank()) {
            return;
        }
        Path dir = Paths.get("src/test/resources/released", version);
        try {
            Files.createDirectories(dir);
            for (var entry : CURRENT.entrySet()) {
                Files.writeString(dir.resolve(entry.getKey() + ".avsc"), entry.getValue().toString(true) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
