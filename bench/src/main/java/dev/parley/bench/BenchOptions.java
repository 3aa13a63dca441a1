package dev.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.parley.bench.load.Api;
import dev.parley.bench.profile.Overrides;
import dev.parley.bench.profile.Profiles;

/**
 * {@code ./parley bench [profile...] [options]}: the profiles to run (default all) and overrides of their numbers.
 *
 * @param output where result folders go (default {@code <repo>/bench/results})
 * @param jitWarmup the most unmeasured peak load after every stack start, which ends earlier once the JIT compilers
 *        have settled, so that the runs measure compiled code
 * @param idleStreams streams of each API the idle profile holds open
 */
record BenchOptions(List<String> profiles, String name, Overrides overrides, Path output, String caveat,
        int preloadMessages, int preloadLedger, Duration jitWarmup, int idleStreams) {

    static final Duration DEFAULT_JIT_WARMUP = Duration.ofSeconds(480);

    static final String USAGE = """
            Usage: ./parley bench [profile...] [options]
              profiles: a (C=1), b (C=100, 200 keys), c (C=1000 long streams), d (peak sweep),
                        e (one API key vs 200), f (b after preloading 200k messages and ledger entries),
                        idle (api-ingress's heap and RSS per open, silent stream); default all
              --name NAME            results folder bench/results/NAME (default: a timestamp)
              --concurrency N        clients (d: one run at N instead of the sweep)
              --count N              measured requests at most, per phase
              --duration S           measured seconds of the Parley phase
              --warmup S             seconds before the measured window
              --direct-duration S    measured seconds of the direct phase
              --deltas N  --delay-ms MS  --first-token-ms MS   the upstream's stream shape
              --jitter-ms MS         think time before each request: random in [0, MS]
              --users N              users' keys the load spreads over (runs with one key keep one)
              --api native|openai|both
              --ingress N  --workers M   api-ingress and llm-worker instances
              --preload-messages N  --preload-ledger N   profile f's history (200000 each)
              --jit-warmup S         unmeasured peak load after each stack start until the JIT settles, at most S s
                         (480; 0: none)
              --idle-streams N       streams of each API the idle profile holds open (1000)
              --caveat TEXT          printed above the results (e.g. "measured on a busy machine")
              --output DIR           where result folders go (default bench/results)
            Ports: INGRESS_PORT, WORKER_PORT, ACCOUNTING_PORT, REGISTRY_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT,
            MONGO_PORT as for ./parley up, BENCH_UPSTREAM_PORT (8070) for the mock upstream; the stack's data goes to
            $PARLEY_HOME/bench (emptied first).
            """;

    static BenchOptions parse(String[] args, Path repo) {
        List<String> profiles = new ArrayList<>();
        String name = null;
        Integer concurrency = null;
        Integer deltas = null;
        Integer keys = null;
        Integer ingress = null;
        Integer workers = null;
        Long count = null;
        Long delay = null;
        Long firstToken = null;
        Long jitter = null;
        Duration duration = null;
        Duration warmup = null;
        Duration direct = null;
        Set<Api> apis = null;
        Path output = repo.resolve("bench/results");
        String caveat = "";
        int preloadMessages = 200_000;
        int preloadLedger = 200_000;
        Duration jitWarmup = DEFAULT_JIT_WARMUP;
        int idleStreams = 1000;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                profiles.addAll(arg.equals("all") ? Profiles.ALL : List.of(arg.toLowerCase()));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--name" -> name = value;
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--count" -> count = Long.parseLong(value);
                case "--duration" -> duration = seconds(value);
                case "--warmup" -> warmup = seconds(value);
                case "--direct-duration" -> direct = seconds(value);
                case "--deltas" -> deltas = Integer.parseInt(value);
                case "--delay-ms" -> delay = Long.parseLong(value);
                case "--first-token-ms" -> firstToken = Long.parseLong(value);
                case "--jitter-ms" -> jitter = Long.parseLong(value);
                case "--users" -> keys = Integer.parseInt(value);
                case "--api" -> apis = apis(value);
                case "--ingress" -> ingress = Integer.parseInt(value);
                case "--workers" -> workers = Integer.parseInt(value);
                case "--preload-messages" -> preloadMessages = Integer.parseInt(value);
                case "--preload-ledger" -> preloadLedger = Integer.parseInt(value);
                case "--jit-warmup" -> jitWarmup = seconds(value);
                case "--idle-streams" -> idleStreams = Integer.parseInt(value);
                case "--caveat" -> caveat = value;
                case "--output" -> output = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        profiles.forEach(p -> Profiles.runs(p, Overrides.NONE)); // fails early on an unknown profile
        return new BenchOptions(profiles.isEmpty() ? Profiles.ALL : List.copyOf(profiles), name,
                new Overrides(concurrency, count, duration, warmup, direct, deltas, delay, firstToken, jitter, keys,
                        apis, ingress, workers), output, caveat, preloadMessages, preloadLedger, jitWarmup,
                idleStreams);
    }

    private static Duration seconds(String value) {
        String number = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        return Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
    }

    private static Set<Api> apis(String value) {
        return switch (value) {
            case "native" -> EnumSet.of(Api.NATIVE);
            case "openai" -> EnumSet.of(Api.OPENAI);
            case "both" -> EnumSet.of(Api.NATIVE, Api.OPENAI);
            default -> throw new IllegalArgumentException("--api is native, openai or both, not " + value);
        };
    }
}
