package dev.parley.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.measure.MeasuredProcess;
import dev.parley.bench.preload.Preloader;
import dev.parley.bench.setup.AdminAccess;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.setup.BenchUser;
import dev.parley.bench.setup.JsonHttp;
import dev.parley.bench.stack.RunningStack;
import dev.parley.bench.stack.StackPorts;
import dev.parley.bench.stack.StackProcess;
import dev.parley.bench.stack.UpstreamProcess;

/**
 * The processes a bench invocation runs and the state they were set up with. Starts the stack again when a run
 * needs other instance counts, or when the last run left it unhealthy (profile c can wedge api-ingress).
 */
public final class BenchContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchContext.class);

    /** Users beyond the profiles' 200: the debit-lag probe's. */
    static final int PROBE_USERS = 4;

    private final Path repo;
    private final Path home;
    private final StackPorts ports;
    private final UpstreamProcess upstream;
    private final Map<String, String> stackEnvironment;
    private final AdminAccess admin = new AdminAccess();
    private final JsonHttp http = new JsonHttp(new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build());
    private StackProcess stack;
    private int ingress;
    private int workers;
    private List<BenchUser> users = List.of();
    private boolean preloaded;

    public BenchContext(Path repo, Path home, StackPorts ports, UpstreamProcess upstream,
            Map<String, String> stackEnvironment) {
        this.repo = repo;
        this.home = home;
        this.ports = ports;
        this.upstream = upstream;
        this.stackEnvironment = Map.copyOf(stackEnvironment);
    }

    /**
     * A healthy stack with {@code ingress} and {@code workers} instances and at least {@code userCount} users;
     * true when it was (re)started.
     */
    public boolean ensure(int ingressCount, int workerCount, int userCount) {
        boolean started = false;
        if (stack != null && (ingressCount != ingress || workerCount != workers || !stack.healthy())) {
            log.info("Restarting the stack ({})", stack.healthy() ? "other instance counts" : "it is not healthy");
            stack.close();
            stack = null;
        }
        if (stack == null) {
            start(ingressCount, workerCount);
            started = true;
        }
        if (users.size() < userCount + PROBE_USERS) {
            log.info("Creating {} users with API keys...", userCount + PROBE_USERS);
            users = setup().users(userCount + PROBE_USERS);
        }
        return started;
    }

    private void start(int ingressCount, int workerCount) {
        log.info("Starting the stack: ./parley up --no-build with {} api-ingress and {} llm-worker (log: {})",
                ingressCount, workerCount, home.resolve("logs/bench-stack.log"));
        Map<String, String> env = new LinkedHashMap<>(ports.environment());
        env.put("PARLEY_HOME", home.toString());
        env.put("PARLEY_INGRESS_INSTANCES", Integer.toString(ingressCount));
        env.put("PARLEY_WORKER_INSTANCES", Integer.toString(workerCount));
        env.putAll(admin.stackEnvironment());
        // quota must never refuse, and the per-user abuse limits must not shape the load (e: one key for all)
        env.put("PARLEY_STARTING_BALANCE", Long.toString(BenchSetup.BALANCE));
        env.put("PARLEY_CHAT_REQUESTS_PER_MINUTE", "100000000");
        env.put("PARLEY_MAX_CONCURRENT_ANSWERS", "1000000");
        // parley.stream.limits.max-open-per-user (20 per instance): e's one key holds ~50 native SSE streams at once
        env.put("PARLEY_STREAM_LIMITS_MAXOPENPERUSER", "1000000");
        env.putAll(stackEnvironment);
        long started = System.nanoTime();
        stack = StackProcess.start(repo, home, env);
        ingress = ingressCount;
        workers = workerCount;
        log.info("Stack up in {} s", (System.nanoTime() - started) / 1_000_000_000);
        setup().provider(upstream.baseUrl(), ingressUrls());
    }

    private BenchSetup setup() {
        String baseUrl = ingressUrls().getFirst();
        return new BenchSetup(http, baseUrl, admin.signIn(http, baseUrl));
    }

    RunningStack stack() {
        return stack.stack();
    }

    List<String> ingressUrls() {
        return stack.stack().ingresses().stream().map(RunningStack.Instance::baseUrl).toList();
    }

    /** The users the load sends as, without the probe's. */
    List<BenchUser> loadUsers() {
        return users.subList(PROBE_USERS, users.size());
    }

    List<BenchUser> probeUsers() {
        return users.subList(0, PROBE_USERS);
    }

    UpstreamProcess upstream() {
        return upstream;
    }

    JsonHttp http() {
        return http;
    }

    boolean healthy() {
        return stack != null && stack.healthy();
    }

    public boolean preloaded() {
        return preloaded;
    }

    /** Profile f's history, written straight into the embedded MongoDB; returns what was added. */
    public String preload(int messages, int ledgerEntries) {
        String mongoUri = stack.stack().mongoUri();
        if (mongoUri == null) {
            throw new IllegalStateException("preloading needs the embedded MongoDB (MONGODB_URI is set)");
        }
        String loaded = new Preloader(mongoUri).load(loadUsers(), messages, ledgerEntries);
        preloaded = true;
        return loaded;
    }

    /** Every process measured in the Parley phase: the stack's, the upstream and this JVM (the load generator). */
    List<MeasuredProcess> processes() {
        List<MeasuredProcess> processes = new ArrayList<>(stack.stack().processes());
        processes.add(upstream.measured());
        processes.add(loadGenerator());
        return processes;
    }

    static MeasuredProcess loadGenerator() {
        return new MeasuredProcess("load generator", ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        if (stack != null) {
            log.info("Stopping the stack...");
            stack.close();
            stack = null;
        }
    }
}
