package dev.parley.ingress;

import dev.parley.events.Topics;
import dev.parley.testing.PackageStructureContract;

/** The feature packages of api-ingress keep the rules of package-by-feature, and docs/architecture.md names them. */
class PackageStructureTest extends PackageStructureContract {

    PackageStructureTest() {
        super("dev.parley.ingress", "api-ingress", Topics.ALL);
    }
}
