package dev.parley.bench.run;

import java.time.Duration;
import java.util.List;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.ClosedLoop;
import dev.parley.bench.load.LoadPlan;
import dev.parley.bench.load.NativeSession;
import dev.parley.bench.load.StreamCalls;
import dev.parley.bench.load.WindowListener;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.setup.BenchUser;
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
        context.upstream().shape(new StreamShape(20, 0, 0));
        OkHttpClient http = RunExecutor.client(CLIENTS);
        try {
            StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, Duration.ofSeconds(30));
            List<String> ingresses = context.ingressUrls();
            List<BenchUser> users = context.loadUsers();
            NativeSession[] sessions = new NativeSession[CLIENTS];
            int[] sent = new int[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                sessions[i] = new NativeSession(5);
            }
            LoadPlan plan = new LoadPlan(CLIENTS, length, Duration.ofSeconds(1), Long.MAX_VALUE, Duration.ZERO,
                    Duration.ofSeconds(30));
            new ClosedLoop(plan, client -> {
                String ingress = ingresses.get((client + sent[client]) % ingresses.size());
                String key = users.get(client % users.size()).apiKey();
                String prompt = "Warm-up client " + client + ": say something.";
                return sent[client]++ % 2 == 0 ? calls.nativeMessage(ingress, key, sessions[client], prompt)
                        : calls.openAi(Api.OPENAI, ingress, key, prompt);
            }, calls::endRun).run(WindowListener.NONE);
        } finally {
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
        }
    }
}
