package dev.parley.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.parley.testing.FeaturePackages;

/** The feature packages of usage-accounting keep the rules of package-by-feature, and docs/architecture.md names them. */
class PackageStructureTest {

    private static final FeaturePackages FEATURES = FeaturePackages.of("dev.parley.accounting");

    @Test
    void featuresImportEachOtherWithoutACycle() {
        FEATURES.assertNoCycles();
    }

    @Test
    void noFeatureReachesIntoAnotherOnesSubPackages() {
        FEATURES.assertInternalsStayInside();
    }

    @Test
    void everyFeatureSaysWhatItOwns() {
        assertThat(FEATURES.withoutPackageInfo(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void theArchitectureMapListsExactlyTheseFeatures() {
        assertThat(FeaturePackages.documented(Path.of("../docs/architecture.md"), "usage-accounting"))
                .isEqualTo(FEATURES.names());
    }
}
