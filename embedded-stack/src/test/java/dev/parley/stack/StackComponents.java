package dev.parley.stack;

/**
 * This module's integration tests' components, started once per test JVM (test-support's {@code TestInfrastructure}
 * builds on this module, so it cannot serve its tests).
 */
final class StackComponents {

    private static LocalComponents shared;

    private StackComponents() {
    }

    static synchronized LocalComponents shared() {
        if (shared == null) {
            shared = LocalComponents.startOnFreePorts();
        }
        return shared;
    }
}
