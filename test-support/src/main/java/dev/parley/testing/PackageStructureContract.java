package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The package structure tests of a service, run from its module directory: extend it with the service's root
 * package, module name and the topic names of the event contract (see {@link FeaturePackages} for the rules,
 * {@link KafkaTopics} for how topics are read from the classes). One instance for all its tests: the classes are
 * read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PackageStructureContract {

    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

    private final String module;
    private final FeaturePackages features;
    private final List<String> topics;
    private SortedSet<String> produced;
    private SortedSet<String> consumed;

    /** @param topics every topic of the event contract ({@code Topics.ALL}) */
    protected PackageStructureContract(String rootPackage, String module, Collection<String> topics) {
        this.module = module;
        this.features = FeaturePackages.of(rootPackage);
        this.topics = List.copyOf(topics);
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
        assertThat(FeaturePackages.documented(ARCHITECTURE, module))
                .as("the features of %s in docs/architecture.md, '%s'", module, FeaturePackages.MAP_HEADING)
                .isEqualTo(features.names());
    }

    @Test
    void theArchitectureMapListsExactlyTheCollectionsThisServiceOwns() {
        assertThat(FeaturePackages.documentedCollections(ARCHITECTURE, module))
                .as("the collections owned by %s in docs/architecture.md, '%s'", module,
                        FeaturePackages.COLLECTIONS_HEADING)
                .isEqualTo(features.collections());
    }

    @Test
    void theTopicsTableNamesWhatThisServiceProducesAndConsumes() {
        assertThat(KafkaTopics.documentedProduced(ARCHITECTURE, module))
                .as("the topics docs/architecture.md's '%s' says %s produces", KafkaTopics.TOPICS_HEADING, module)
                .isEqualTo(produced());
        assertThat(KafkaTopics.documentedConsumed(ARCHITECTURE, module))
                .as("the topics docs/architecture.md's '%s' says %s consumes", KafkaTopics.TOPICS_HEADING, module)
                .isEqualTo(consumed());
    }

    @Test
    void theMapNamesWhatThisServiceProducesAndConsumes() {
        assertThat(KafkaTopics.mapped(ARCHITECTURE, module, 3, topics))
                .as("the topics %s produces in docs/architecture.md's '%s'", module, KafkaTopics.MAP_HEADING)
                .isEqualTo(produced());
        assertThat(KafkaTopics.mapped(ARCHITECTURE, module, 4, topics))
                .as("the topics %s consumes in docs/architecture.md's '%s'", module, KafkaTopics.MAP_HEADING)
                .isEqualTo(consumed());
    }

    /** Read from the class files once: both tables are checked against the same sets. */
    private SortedSet<String> produced() {
        if (produced == null) {
            produced = KafkaTopics.produced(features.classes(), topics);
        }
        return produced;
    }

    private SortedSet<String> consumed() {
        if (consumed == null) {
            consumed = KafkaTopics.consumed(features.classes(), topics);
        }
        return consumed;
    }
}
