package dev.parley.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips the integration tests of the containers lane, cleanly and saying why, where no Docker engine answers
 * (what {@code @Testcontainers(disabledWithoutDocker = true)} does, for every test class of the lane at once:
 * Failsafe registers this condition by JUnit's extension auto-detection). The embedded lane needs no Docker and
 * is never skipped; nor are unit tests.
 */
public final class ContainersLaneCondition implements ExecutionCondition {

    private static final ConditionEvaluationResult RUNS = ConditionEvaluationResult.enabled("no Docker needed");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestLane.isIntegration() || InfrastructureMode.current() != InfrastructureMode.CONTAINERS) {
            return RUNS;
        }
        return DockerCheck.available()
                ? ConditionEvaluationResult.enabled("Docker is available for the containers lane")
                : ConditionEvaluationResult.disabled("""
                        skipped: the containers lane (-Pcontainers) runs the integration tests against Docker images \
                        and no Docker engine answers here; without -Pcontainers they run on the embedded stack""");
    }

    /** Asked once per JVM: Testcontainers caches the answer, this only keeps its logging out of every test. */
    private static final class DockerCheck {

        private static final boolean AVAILABLE = DockerClientFactory.instance().isDockerAvailable();

        static boolean available() {
            return AVAILABLE;
        }
    }
}
