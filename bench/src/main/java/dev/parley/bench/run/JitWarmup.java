package dev.parley.bench.run;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.ClosedLoop;
import dev.parley.bench.load.LoadPlan;
import dev.parley.bench.load.StreamCalls;
import dev.parley.bench.load.WindowListener;
import dev.parley.bench.measure.CpuWindow;
import dev.parley.bench.measure.MeasuredProcess;
import dev.parley.bench.measure.ProcFiles;
import dev.parley.bench.measure.ProcessUsage;
import dev.parley.bench.profile.RunSpec;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.upstream.StreamShape;

/**
 * Unmeasured load right after a stack started, until the stack's JIT compilers have settled ({@link JitSettling}).
 * A service's request path is interpreted or compiled by C1 for its first thousands of calls, and on two cores C2
 * then takes minutes to compile the rest while the load runs: after 20 s of peak load, profile a added 55 ms at p50
 * and the compiler threads still took a fifth of api-ingress's CPU; after 120-180 s, 23-25 ms. Without it the runs
 * measure start-up, not the service a client meets after its first minutes.
 *
 * <p>The slices take {@link #LOADS} in turn. Peak streams alone (no delay between deltas) leave the per-delta path
 * cold: the worker sends their 20 deltas as one or two events, so each delta's own event (the worker's flush timer,
 * the fan-out of each record, an SSE write per delta) was compiled during profiles b and c instead, which then still
 * spent seconds of their window compiling. {@link JitSettling} waits for two quiet slices in a row, one of each.
 */
final class JitWarmup {

    private static final Logger log = LoggerFactory.getLogger(JitWarmup.class);
    static final Duration SLICE = Duration.ofSeconds(15);

    /** Peak streams as in profile d; then streams paced as slow models send them, each delta its own event. */
    static final List<Load> LOADS = List.of(
            new Load("peak", 8, new StreamShape(20, 0, 0), Duration.ZERO),
            new Load("paced", 64, new StreamShape(10, 50, 0), Duration.ofMillis(200)));

    /** One kind of warm-up load: its clients, stream shape and think time (0 to {@code jitter}). */
    record Load(String name, int clients, StreamShape shape, Duration jitter) {

        String describe() {
            return "%s (C=%d, %d deltas x %d ms, think time 0-%d ms)".formatted(name, clients, shape.deltas(),
                    shape.delayMillis(), jitter.toMillis());
        }
    }

    private final BenchContext context;
    private final ProcFiles proc;

    JitWarmup(BenchContext context) {
        this(context, ProcFiles.system());
    }

    JitWarmup(BenchContext context, ProcFiles proc) {
        this.context = context;
        this.proc = proc;
    }

    void run(Duration maximum) throws InterruptedException {
        if (maximum.isZero() || maximum.isNegative()) {
            return;
        }
        JitSettling settling = JitSettling.upTo(maximum);
        log.info("JIT warm-up: {} in turn, {} s each, until the JIT compilers settle (at least {} s, at most {} s), "
                + "unmeasured...", LOADS.stream().map(Load::describe).toList(), SLICE.toSeconds(),
                settling.minimum().toSeconds(), maximum.toSeconds());
        List<MeasuredProcess> stack = context.stack().processes();
        long started = System.nanoTime();
        Duration elapsed;
        boolean settled;
        boolean previousQuiet = false;
        int slices = 0;
        do {
            Load load = LOADS.get(slices++ % LOADS.size());
            Duration slice = min(SLICE, maximum.minusNanos(System.nanoTime() - started));
            CpuWindow window = CpuWindow.start(proc, stack);
            load(load, slice);
            List<ProcessUsage> spent = window.end();
            double cpu = spent.stream().mapToDouble(ProcessUsage::cpuSeconds).sum();
            double compile = spent.stream().mapToDouble(ProcessUsage::jitSeconds).sum();
            elapsed = Duration.ofNanos(System.nanoTime() - started);
            boolean quiet = settling.quiet(elapsed, compile, cpu);
            settled = settling.settled(elapsed, quiet, previousQuiet);
            previousQuiet = quiet;
            log.info("  {} s: the compiler threads took {}% of the stack's CPU in the last {} s of {} load{}",
                    elapsed.toSeconds(), Math.round(100 * JitSettling.share(compile, cpu)), slice.toSeconds(),
                    load.name(), settling.reachedMaximum(elapsed) ? " (the most allowed)" : "");
        } while (!settled);
    }

    private void load(Load load, Duration slice) throws InterruptedException {
        // both APIs, every ingress, the users' keys: all of it warm-up
        RunSpec spec = new RunSpec("jit-warmup", "jit-warmup", "JIT warm-up", load.clients(), load.shape(),
                load.jitter(), context.loadUsers().size(), EnumSet.of(Api.NATIVE, Api.OPENAI), Duration.ZERO, slice,
                Long.MAX_VALUE, Duration.ZERO, false, context.ingressUrls().size(), 1, 5);
        context.upstream().shape(spec.shape());
        OkHttpClient http = RunExecutor.client(load.clients());
        try {
            StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, spec.callTimeout());
            LoadPlan plan = new LoadPlan(load.clients(), spec.warmup(), spec.duration(), spec.count(), spec.jitter(),
                    spec.callTimeout());
            new ClosedLoop(plan, RunExecutor.clients(spec, calls, context), calls::endRun).run(WindowListener.NONE);
        } finally {
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
