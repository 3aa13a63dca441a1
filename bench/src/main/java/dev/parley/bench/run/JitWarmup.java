package dev.parley.bench.run;

import java.time.Duration;
import java.util.EnumSet;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.ClosedLoop;
import dev.parley.bench.load.LoadPlan;
import dev.parley.bench.load.StreamCalls;
import dev.parley.bench.load.WindowListener;
import dev.parley.bench.profile.RunSpec;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.upstream.StreamShape;

/**
 * Unmeasured peak load right after a stack started. A service's request path is interpreted or compiled by C1 for
 * its first thousands of calls; without this, profile a (C=1, about 60 requests) measured that start-up code, not
 * the service a client meets after its first minute (the first a run on a quiet machine added 44.5 ms at p50; the
 * same run after the peak sweep, about half).
 */
final class JitWarmup {

    private static final Logger log = LoggerFactory.getLogger(JitWarmup.class);
    static final int CLIENTS = 8;

    private final BenchContext context;

    JitWarmup(BenchContext context) {
        this.context = context;
    }

    void run(Duration length) throws InterruptedException {
        if (length.isZero() || length.isNegative()) {
            return;
        }
        log.info("JIT warm-up: C={} peak streams for {} s, unmeasured...", CLIENTS, length.toSeconds());
        // the peak profile's shape and clients (both APIs, every ingress, the users' keys), all of it warm-up
        RunSpec spec = new RunSpec("jit-warmup", "jit-warmup", "JIT warm-up", CLIENTS, new StreamShape(20, 0, 0),
                Duration.ZERO, context.loadUsers().size(), EnumSet.of(Api.NATIVE, Api.OPENAI), length,
                Duration.ofSeconds(1), Long.MAX_VALUE, Duration.ZERO, false, context.ingressUrls().size(), 1, 5);
        context.upstream().shape(spec.shape());
        OkHttpClient http = RunExecutor.client(CLIENTS);
        try {
            StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, spec.callTimeout());
            LoadPlan plan = new LoadPlan(CLIENTS, spec.warmup(), spec.duration(), spec.count(), spec.jitter(),
                    spec.callTimeout());
            new ClosedLoop(plan, RunExecutor.clients(spec, calls, context), calls::endRun).run(WindowListener.NONE);
        } finally {
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
        }
    }
}
