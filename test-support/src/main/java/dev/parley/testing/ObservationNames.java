package dev.parley.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationRegistry;

/** Which observations a service creates, for tests that assert what is observed per request. */
public final class ObservationNames {

    private ObservationNames() {
    }

    /**
     * The names of the observations about to be created while {@code action} runs, on any thread, enabled or not: a
     * predicate is asked about each. The registry offers no way to remove a predicate, so it stays registered on the
     * (shared) registry and records nothing after {@code action}.
     */
    public static List<String> createdDuring(ObservationRegistry registry, Runnable action) {
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        registry.observationConfig().observationPredicate((name, context) -> {
            if (recording.get()) {
                created.add(name);
            }
            return true;
        });
        try {
            action.run();
        } finally {
            recording.set(false);
        }
        return List.copyOf(created);
    }
}
