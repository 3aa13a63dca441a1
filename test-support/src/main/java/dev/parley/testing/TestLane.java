package dev.parley.testing;

/**
 * The two test lanes: Surefire runs the unit tests ({@code ./mvnw test}, the fast lane) and Failsafe the
 * integration tests, classes named {@code *IT} ({@code ./mvnw verify}). Each plugin names its lane in the system
 * property {@value #PROPERTY}, so that a test starting the real infrastructure from the fast lane fails at once
 * instead of making the fast lane slow.
 */
final class TestLane {

    static final String PROPERTY = "parley.test.lane";

    private TestLane() {
    }

    static boolean isIntegration() {
        return "integration".equals(System.getProperty(PROPERTY));
    }

    static void requireIntegrationLane() {
        if ("unit".equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("""
                    A unit test started the real broker, registry and MongoDB. Tests that need them are integration \
                    tests: name the class *IT so that Failsafe runs it in ./mvnw verify, not Surefire in ./mvnw test.""");
        }
    }
}
