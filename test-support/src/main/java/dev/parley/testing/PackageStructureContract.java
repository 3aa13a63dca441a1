package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The package structure tests of a service, run from its module directory: extend it with the service's root
 * package and module name (see {@link FeaturePackages} for the rules). One instance for all its tests: the classes
 * are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PackageStructureContract {

    private final String module;
    private final FeaturePackages features;

    protected PackageStructureContract(String rootPackage, String module) {
        this.module = module;
        this.features = FeaturePackages.of(rootPackage);
    }

    @Test
    void featuresImportEachOtherWithoutACycle() {
        features.assertNoCycles();
    }

    @Test
    void noFeatureReachesIntoAnotherOnesSubPackages() {
        features.assertInternalsStayInside();
    }

    @Test
    void everyFeatureSaysWhatItOwnsInItsPackageInfo() {
        assertThat(features.withoutPackageInfo(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void theArchitectureMapListsExactlyTheseFeatures() {
        assertThat(FeaturePackages.documented(Path.of("../docs/architecture.md"), module))
                .as("the features of %s in docs/architecture.md, '%s'", module, FeaturePackages.MAP_HEADING)
                .isEqualTo(features.names());
    }

    @Test
    void theArchitectureMapListsExactlyTheCollectionsThisServiceOwns() {
        assertThat(FeaturePackages.documentedCollections(Path.of("../docs/architecture.md"), module))
                .as("the collections owned by %s in docs/architecture.md, '%s'", module,
                        FeaturePackages.COLLECTIONS_HEADING)
                .isEqualTo(features.collections());
    }
}
