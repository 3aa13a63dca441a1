package dev.parley.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import dev.parley.e2e.Traffic.Burst;
import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.testing.TestInfrastructure;

/**
 * Durations and load of the fault matrix. CI runs the short form; {@code -Dparley.faults.soak=true} the long one
 * (README: "The fault matrix"), e.g. MongoDB down for 5 minutes instead of 90 s.
 */
final class Faults {

    static final boolean SOAK = Boolean.getBoolean("parley.faults.soak");
    /** Longer than the old bounded retries (about a minute with the e2e's 5 s server selection), shorter in CI. */
    static final Duration MONGO_OUTAGE = SOAK ? Duration.ofMinutes(5) : Duration.ofSeconds(75);
    static final Duration REGISTRY_OUTAGE = Duration.ofMinutes(1);
    static final Duration REFUSED_WRITES = Duration.ofSeconds(30);
    /** Longer than the 20 s without a poll that makes the instances behind the hung registry report DOWN. */
    static final Duration HUNG_REGISTRY = SOAK ? Duration.ofMinutes(3) : Duration.ofSeconds(30);
    /** Users of a burst and messages per user. */
    static final int USERS = SOAK ? 20 : 4;
    static final int PER_USER = SOAK ? 10 : 3;
    static final Duration SETTLE = Duration.ofMinutes(4);
    static final String TOPICS = "Explain penguins, glaciers, volcanoes, deserts, oceans, forests, rivers and mountains";

    private Faults() {
    }

    static dev.parley.stack.LocalComponents infrastructure() {
        return TestInfrastructure.components();
    }

    /** A message whose mock answer takes a few seconds at the e2e's 40 tokens/s. */
    static Map<String, Object> longAnswer(int n) {
        return Map.of("content", TOPICS + " (" + n + ")", "maxTokens", 150);
    }

    /**
     * Keeps posting bursts for {@code duration} (the load a fault meets), collecting what may have been accepted
     * (accepted and unanswered posts, see {@link Traffic.Posted}); refused posts
     * are expected while a dependency is down.
     */
    static List<Posted> loadFor(Duration duration, List<User> users, IntFunction<Map<String, Object>> body) {
        List<Posted> accepted = new ArrayList<>();
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            Burst burst = Traffic.burst(users, 1, body);
            accepted.addAll(burst.maybeAccepted());
            System.out.printf("load: %d accepted, %d unanswered, refused %s%n", burst.accepted().size(),
                    burst.unanswered().size(), burst.refused());
            // not a sleep: at most one burst per second, so a fast-failing dependency does not make a busy loop
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        }
        return accepted;
    }
}
