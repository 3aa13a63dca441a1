package dev.parley.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.ClosedLoop;
import dev.parley.bench.load.LoadPlan;
import dev.parley.bench.load.LoadResult;
import dev.parley.bench.load.NativeSession;
import dev.parley.bench.load.Outcome;
import dev.parley.bench.load.StreamCalls;
import dev.parley.bench.measure.CpuWindow;
import dev.parley.bench.measure.MeasuredProcess;
import dev.parley.bench.measure.ProcFiles;
import dev.parley.bench.measure.ProcessUsage;
import dev.parley.bench.measure.PrometheusText.Sample;
import dev.parley.bench.profile.RunSpec;
import dev.parley.bench.report.LatencyDigest;
import dev.parley.bench.report.PhaseSummary;
import dev.parley.bench.report.ProcessCost;
import dev.parley.bench.report.RunResult;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.setup.BenchUser;

/** Runs one {@link RunSpec}: the direct phase, then the same load through Parley, measured. */
public final class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    private static final Duration DIRECT_WARMUP = Duration.ofSeconds(2);
    static final String DEBIT_LAG_METRIC = "parley_accounting_debit_lag_seconds";

    private final BenchContext context;
    private final ProcFiles proc = ProcFiles.system();

    public RunExecutor(BenchContext context) {
        this.context = context;
    }

    /**
     * A freshly started stack answers its first requests slowly (lazy clients, schema look-ups, class loading, the
     * JIT): a few requests through each ingress and API, unmeasured, until they succeed or a minute passed; then
     * unmeasured peak load until the JIT compilers settle, at most {@code jitWarmup} ({@link JitWarmup}).
     */
    public void warmUp(Duration jitWarmup) throws InterruptedException {
        context.upstream().shape(new dev.parley.bench.upstream.StreamShape(5, 1, 0));
        OkHttpClient http = client(1);
        StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, Duration.ofSeconds(60));
        BenchUser user = context.loadUsers().getFirst();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (String ingress : context.ingressUrls()) {
            int succeeded = 0;
            NativeSession session = new NativeSession(5);
            while (succeeded < 6 && System.nanoTime() < deadline) {
                Outcome outcome = succeeded % 2 == 0 ? calls.nativeMessage(ingress, user.apiKey(), session, prompt(0))
                        : calls.openAi(Api.OPENAI, ingress, user.apiKey(), prompt(0));
                succeeded += outcome.ok() ? 1 : 0;
            }
        }
        http.connectionPool().evictAll();
        new JitWarmup(context).run(jitWarmup);
        awaitIdle();
    }

    public RunResult execute(RunSpec spec) throws InterruptedException {
        context.upstream().shape(spec.shape());
        OkHttpClient http = client(spec.concurrency());
        try {
            Phase direct = direct(spec, http);
            awaitIdle();
            Phase parley = parley(spec, http);
            awaitIdle();
            String note = context.healthy() ? "" : "a service was not healthy after the run";
            return RunAssembly.assemble(spec, direct, parley, note);
        } finally {
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
        }
    }

    /** A phase's outcomes and what the processes and services did meanwhile. */
    record Phase(LoadResult load, List<ProcessUsage> usage, Map<String, List<Sample>> before,
            Map<String, List<Sample>> after, List<Double> probedLags) {
    }

    private Phase direct(RunSpec spec, OkHttpClient http) throws InterruptedException {
        log.info("  direct: C={} for {} s against the upstream", spec.concurrency(), spec.directDuration().toSeconds());
        StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, spec.callTimeout());
        String upstream = context.upstream().baseUrl();
        LoadPlan plan = new LoadPlan(spec.concurrency(), DIRECT_WARMUP, spec.directDuration(), spec.count(),
                spec.jitter(), spec.callTimeout());
        List<MeasuredProcess> measured = List.of(context.upstream().measured(), BenchContext.loadGenerator());
        Window window = new Window(measured, List.of(), null);
        LoadResult load = new ClosedLoop(plan, client -> calls.openAi(Api.DIRECT, upstream, "bench", prompt(client)),
                calls::endRun).run(window);
        return new Phase(load, window.usage, Map.of(), Map.of(), List.of());
    }

    private Phase parley(RunSpec spec, OkHttpClient http) throws InterruptedException {
        log.info("  parley: C={} for {} s (+{} s warm-up) over {} ingress, {} keys", spec.concurrency(),
                spec.duration().toSeconds(), spec.warmup().toSeconds(), context.ingressUrls().size(), spec.keys());
        StreamCalls calls = new StreamCalls(http, BenchSetup.MODEL, spec.callTimeout());
        LoadPlan plan = new LoadPlan(spec.concurrency(), spec.warmup(), spec.duration(), spec.count(), spec.jitter(),
                spec.callTimeout());
        DebitLagProbe probeRun = new DebitLagProbe(new StreamCalls(client(BenchContext.PROBE_USERS), BenchSetup.MODEL,
                spec.callTimeout()), context.http(), context.ingressUrls().getFirst(),
                context.probeUsers().stream().map(BenchUser::apiKey).toList());
        Window window = new Window(context.processes(), context.stack().instances(), probeRun);
        LoadResult load = new ClosedLoop(plan, clients(spec, calls, context), calls::endRun).run(window);
        return new Phase(load, window.usage, window.before, window.after, window.lags);
    }

    // Each client alternates between the APIs request by request (so C=1 uses both), the clients starting on
    // alternate APIs; clients are spread over the ingress instances and the users' keys.
    static IntFunction<Outcome> clients(RunSpec spec, StreamCalls calls, BenchContext context) {
        List<Api> apis = new ArrayList<>(spec.apis());
        List<String> ingresses = context.ingressUrls();
        List<BenchUser> users = context.loadUsers();
        NativeSession[] sessions = new NativeSession[spec.concurrency()];
        int[] sent = new int[spec.concurrency()];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = new NativeSession(spec.turns());
        }
        return client -> {
            Api api = apis.get((client + sent[client]++) % apis.size());
            String ingress = ingresses.get(client % ingresses.size());
            String key = users.get(client % Math.min(spec.keys(), users.size())).apiKey();
            return api == Api.NATIVE ? calls.nativeMessage(ingress, key, sessions[client], prompt(client))
                    : calls.openAi(api, ingress, key, prompt(client));
        };
    }

    private static String prompt(int client) {
        return "Client " + client + " asks: how does a Kafka partition keep one request's tokens in order?";
    }

    /** Samples CPU, scrapes and the debit-lag probe when the measured window opens and closes. */
    private final class Window implements dev.parley.bench.load.WindowListener {

        private final List<MeasuredProcess> processes;
        private final List<dev.parley.bench.stack.RunningStack.Instance> instances;
        private final DebitLagProbe probe;
        private CpuWindow cpu;
        private List<ProcessUsage> usage = List.of();
        private Map<String, List<Sample>> before = Map.of();
        private Map<String, List<Sample>> after = Map.of();
        private List<Double> lags = List.of();
        private boolean probing;

        Window(List<MeasuredProcess> processes, List<dev.parley.bench.stack.RunningStack.Instance> instances,
                DebitLagProbe probe) {
            this.processes = processes;
            this.instances = instances;
            this.probe = probe;
        }

        @Override
        public void windowStarted() {
            before = Scrapes.all(instances);
            probing = probe != null && before.values().stream().flatMap(List::stream)
                    .noneMatch(s -> s.name().equals(DEBIT_LAG_METRIC + "_bucket"));
            if (probing) {
                probe.start();
            }
            cpu = CpuWindow.start(proc, processes);
        }

        @Override
        public void windowEnded() {
            usage = cpu.end();
            after = Scrapes.all(instances);
            if (probing) {
                try {
                    lags = probe.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // Streams still running on the upstream belong to the last phase (drained or cancelled): let them end, and let
    // accounting apply their usage, before the next phase is measured.
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (context.upstream().activeStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
    }

    static OkHttpClient client(int concurrency) {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(2 * concurrency + 16, 1, TimeUnit.MINUTES))
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    static LatencyDigest debitLag(Map<String, LatencyDigest> stages, List<Double> probed) {
        LatencyDigest metric = stages.get(DEBIT_LAG_METRIC);
        if (metric != null && metric.samples() > 0) {
            return new LatencyDigest("metric " + DEBIT_LAG_METRIC + " (usage recorded -> balance changed)",
                    metric.samples(), metric.p50(), metric.p99());
        }
        double[] values = probed.stream().mapToDouble(Double::doubleValue).toArray();
        var summary = dev.parley.bench.measure.Percentiles.summarize(values);
        if (summary.count() == 0) {
            return new LatencyDigest(DebitLagProbe.METHOD, 0, Double.NaN, Double.NaN);
        }
        return new LatencyDigest(DebitLagProbe.METHOD, summary.count(), summary.p50(), summary.p99());
    }

    static Map<String, Map<String, Double>> perRequest(Map<String, Map<String, Double>> totals, long requests) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        if (requests == 0) {
            return result;
        }
        totals.forEach((service, byKey) -> {
            Map<String, Double> values = new TreeMap<>();
            byKey.forEach((key, count) -> values.put(key, count / requests));
            result.put(service, values);
        });
        return result;
    }

    static List<ProcessCost> costs(List<ProcessUsage> usage, long streams) {
        return usage.stream().map(u -> new ProcessCost(u.name(), u.pid(), u.cpuSeconds(), u.jitSeconds(),
                streams == 0 ? 0 : u.cpuSeconds() * 1000 / streams, u.rssMb(), u.peakRssMb())).toList();
    }

    static PhaseSummary summarize(LoadResult load) {
        return PhaseAnalysis.summarize(load);
    }
}
