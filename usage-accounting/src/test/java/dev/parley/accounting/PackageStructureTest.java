package dev.parley.accounting;

import dev.parley.events.Topics;
import dev.parley.testing.PackageStructureContract;

/** The feature packages of usage-accounting keep the rules of package-by-feature, and docs/architecture.md names them. */
class PackageStructureTest extends PackageStructureContract {

    PackageStructureTest() {
        super("dev.parley.accounting", "usage-accounting", Topics.ALL);
    }
}
