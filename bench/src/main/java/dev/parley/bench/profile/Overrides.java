package dev.parley.bench.profile;

import java.time.Duration;
import java.util.Set;

import dev.parley.bench.load.Api;
import dev.parley.bench.upstream.StreamShape;

/** Command-line changes to every run's numbers; null leaves the profile's own value. */
public record Overrides(Integer concurrency, Long count, Duration duration, Duration warmup, Duration directDuration,
        Integer deltas, Long delayMillis, Long firstTokenDelayMillis, Long jitterMillis, Integer keys, Set<Api> apis,
        Integer ingress, Integer workers) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    RunSpec apply(RunSpec spec) {
        StreamShape shape = new StreamShape(or(deltas, spec.shape().deltas()),
                or(delayMillis, spec.shape().delayMillis()),
                or(firstTokenDelayMillis, spec.shape().firstTokenDelayMillis()));
        int c = or(concurrency, spec.concurrency());
        String name = concurrency != null && spec.profile().equals("d") ? "d-c" + c : spec.name();
        return new RunSpec(name, spec.profile(), spec.description(), c, shape,
                jitterMillis == null ? spec.jitter() : Duration.ofMillis(jitterMillis), spec.keys() > 1 ? or(keys, spec.keys()) : 1,
                apis == null ? spec.apis() : apis, or(warmup, spec.warmup()), or(duration, spec.duration()),
                or(count, spec.count()), or(directDuration, spec.directDuration()), spec.preload(),
                or(ingress, spec.ingress()), or(workers, spec.workers()), spec.turns());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
