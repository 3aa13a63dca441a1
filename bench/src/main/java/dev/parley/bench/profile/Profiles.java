package dev.parley.bench.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.parley.bench.load.Api;
import dev.parley.bench.upstream.StreamShape;

/**
 * The profiles of issue 9, each one or more {@link RunSpec}s, sized so that a default run of all of them takes well
 * under 15 minutes on 2 cores (stack start and set-up included). {@link Overrides} changes any of their numbers.
 */
public final class Profiles {

    /** Memory per open, idle stream in api-ingress: measured by its own executor, no {@link RunSpec}. */
    public static final String IDLE = "idle";
    public static final List<String> ALL = List.of("a", "b", "c", "d", "e", "f", IDLE);
    private static final Set<Api> BOTH = EnumSet.of(Api.NATIVE, Api.OPENAI);
    private static final StreamShape FAST_MODEL = new StreamShape(20, 20, 0);
    public static final int MANY_KEYS = 200;

    private Profiles() {
    }

    /** The runs of {@code profile}, with {@code overrides} applied. */
    public static List<RunSpec> runs(String profile, Overrides overrides) {
        // a concurrency override turns the peak sweep into one run
        return base(profile).stream().map(overrides::apply)
                .collect(java.util.stream.Collectors.toMap(RunSpec::name, spec -> spec, (first, same) -> first,
                        java.util.LinkedHashMap::new)).values().stream().toList();
    }

    static List<RunSpec> base(String profile) {
        return switch (profile) {
            case "a" -> List.of(spec("a", "a", "C=1: the latency Parley adds to one stream at a time", 1, FAST_MODEL,
                    0, 1, 3, 30, 10));
            case "b" -> List.of(spec("b", "b", "C=100, 20 deltas x 20 ms, 0-1 s think time, 200 users' keys", 100,
                    FAST_MODEL, 1000, MANY_KEYS, 5, 30, 15));
            case "c" -> List.of(spec("c", "c", "C=1000 long streams: 100 deltas x 50 ms, 0-1 s think time", 1000,
                    new StreamShape(100, 50, 0), 1000, MANY_KEYS, 10, 30, 20));
            case "d" -> peak();
            case "e" -> List.of(
                    spec("e-1-key", "e", "as b, every client sending the same API key", 100, FAST_MODEL, 1000, 1, 5,
                            30, 10),
                    spec("e-200-keys", "e", "as b, 200 users' keys (compare with e-1-key)", 100, FAST_MODEL, 1000,
                            MANY_KEYS, 5, 30, 10));
            case IDLE -> List.of();
            case "f" -> List.of(withPreload(spec("f", "f",
                    "as b after preloading 200k stored messages and 200k ledger entries", 100, FAST_MODEL, 1000,
                    MANY_KEYS, 5, 30, 15)));
            default -> throw new IllegalArgumentException("unknown profile '" + profile + "' (a-f, idle)");
        };
    }

    // As many 20-token streams a second as the system takes: no think time, no delay between deltas, rising C.
    private static List<RunSpec> peak() {
        List<RunSpec> runs = new ArrayList<>();
        for (int concurrency : new int[] {4, 16, 64}) {
            runs.add(spec("d-c" + concurrency, "d", "peak: 20-token streams, 0 ms between deltas, no think time, C="
                    + concurrency, concurrency, new StreamShape(20, 0, 0), 0, MANY_KEYS, 3, 15, 5));
        }
        return runs;
    }

    private static RunSpec spec(String name, String profile, String description, int concurrency, StreamShape shape,
            long jitterMillis, int keys, long warmupSeconds, long durationSeconds, long directSeconds) {
        return new RunSpec(name, profile, description, concurrency, shape, Duration.ofMillis(jitterMillis), keys, BOTH,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), 1_000_000,
                Duration.ofSeconds(directSeconds), false, 1, 1, 5);
    }

    private static RunSpec withPreload(RunSpec spec) {
        return new RunSpec(spec.name(), spec.profile(), spec.description(), spec.concurrency(), spec.shape(),
                spec.jitter(), spec.keys(), spec.apis(), spec.warmup(), spec.duration(), spec.count(),
                spec.directDuration(), true, spec.ingress(), spec.workers(), spec.turns());
    }
}
