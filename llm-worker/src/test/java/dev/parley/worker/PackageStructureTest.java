package dev.parley.worker;

import dev.parley.events.Topics;
import dev.parley.testing.PackageStructureContract;

/** The feature packages of llm-worker keep the rules of package-by-feature, and docs/architecture.md names them. */
class PackageStructureTest extends PackageStructureContract {

    PackageStructureTest() {
        super("dev.parley.worker", "llm-worker", Topics.ALL);
    }
}
