package dev.parley.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.parley.stack.Ports;
import dev.parley.stack.ServiceProcess;
import dev.parley.testing.TestInfrastructure;

/**
 * The whole system as ./parley up runs it: the real broker, registry and MongoDB, and the three packaged
 * services as separate processes. Started once per test JVM.
 */
final class RunningSystem {

    static final long STARTING_BALANCE = 50_000;
    /** How long a service may take to start: three services at once on a loaded 2-core machine take minutes. */
    static final Duration STARTUP = Duration.ofMinutes(5);
    static final String SERVICE_TOKEN = "e2e-service-token-" + UUID.randomUUID();
    static final String ADMIN_EMAIL = "admin@parley.test";
    static final String ADMIN_PASSWORD = "admin password 123";
    /** What ./parley up generates into secrets.properties; here the tests' own. */
    static final String ADMIN_BOOTSTRAP_TOKEN = "e2e-admin-bootstrap-token-" + UUID.randomUUID();
    static final String INTEGRATION_TOKEN = "e2e-integration-token-" + UUID.randomUUID();
    static final FakeUpstream UPSTREAM = FakeUpstream.start();
    /**
     * The workers' consumers never block (requests run on their own threads), so a poll interval far shorter than
     * the default 5 min is safe, and {@code slow-1} answers last longer than it (FaultMatrix: a long stream).
     */
    static final List<String> WORKER_OPTIONS = List.of("-Dspring.kafka.consumer.properties.max.poll.interval.ms=20000");

    private static RunningSystem instance;

    /** Replaced when a test restarts usage-accounting (on the same port, which ACCOUNTING_URL names). */
    volatile ServiceProcess accounting;
    private boolean accountingHasFaultHooks;
    /** Replaced when a test restarts the worker on its port. */
    volatile ServiceProcess worker;
    /** Replaced when a test restarts api-ingress on its port (which every client uses). */
    volatile ServiceProcess ingress;
    private final Map<String, String> env;
    private final Path services;
    final Path logs;

    private RunningSystem(ServiceProcess accounting, ServiceProcess worker, ServiceProcess ingress,
            Map<String, String> env, Path services, Path logs) {
        this.accounting = accounting;
        this.worker = worker;
        this.ingress = ingress;
        this.env = Map.copyOf(env);
        this.services = services;
        this.logs = logs;
    }

    static synchronized RunningSystem start() throws Exception {
        if (instance == null) {
            try {
                instance = startAll();
            } catch (IllegalStateException e) {
                // the machine is shared: a free port picked for a service can be taken by someone else before the
                // service binds it. Once more, on other ports.
                System.out.println("The services did not start (" + e.getMessage().lines().findFirst().orElse("")
                        + "); starting them again on other ports");
                instance = startAll();
            }
        }
        return instance;
    }

    ApiClient api() {
        return new ApiClient(ingress.baseUrl());
    }

    /**
     * Signs the administrator in, as an operator makes the first one: registers (on first use), signs in and
     * redeems the bootstrap token (its redeemer may present it again, so every caller can). The one place that knows
     * how an account becomes admin here, so that the browser tests and the API tests change together.
     *
     * @return the admin's access token
     */
    synchronized String adminToken() {
        ApiClient anonymous = api();
        ApiClient.Response registered = anonymous.post("/api/auth/register",
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("cannot register the admin: " + registered);
        }
        ApiClient.Response login = anonymous.post("/api/auth/login", Map.of("email", ADMIN_EMAIL,
                "password", ADMIN_PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("cannot sign the admin in: " + login);
        }
        String token = login.json().get("accessToken").asString();
        ApiClient.Response bootstrapped = anonymous.as(token).post("/api/admin/bootstrap",
                Map.of("token", ADMIN_BOOTSTRAP_TOKEN));
        if (bootstrapped.status() != 200) {
            throw new IllegalStateException("cannot make the admin an admin: " + bootstrapped);
        }
        return token;
    }

    /** One more llm-worker process with the same settings; it joins the same consumer group. */
    ServiceProcess startExtraWorker(String name) {
        return startExtraWorker(name, Map.of(), List.of());
    }

    /** One more llm-worker with {@code overrides} of the environment and extra JVM options. */
    ServiceProcess startExtraWorker(String name, Map<String, String> overrides, List<String> jvmOptions) {
        List<String> options = new java.util.ArrayList<>(WORKER_OPTIONS);
        options.addAll(jvmOptions);
        ServiceProcess extra = ServiceProcess.start(name, services.resolve("llm-worker.jar"), Ports.free(),
                with(overrides), logs.resolve(name + ".log"), options);
        extra.awaitHealthy(STARTUP);
        return extra;
    }

    /** One more api-ingress process with the same settings: another instance behind the same load balancer. */
    ServiceProcess startExtraIngress(String name) {
        return startExtraIngress(name, Map.of(), List.of());
    }

    /** One more api-ingress with {@code overrides} of the environment (e.g. another REGISTRY_URL) and JVM options. */
    ServiceProcess startExtraIngress(String name, Map<String, String> overrides, List<String> jvmOptions) {
        ServiceProcess extra = ServiceProcess.start(name, services.resolve("api-ingress.jar"), Ports.free(),
                with(overrides), logs.resolve(name + ".log"), jvmOptions);
        extra.awaitHealthy(STARTUP);
        return extra;
    }

    /** Starts a fresh llm-worker on the port of a stopped or killed one, so that its baseUrl serves again. */
    synchronized ServiceProcess restartWorker(ServiceProcess dead) {
        // the same management port too: later tests read health and metrics through the dead process's handle
        ServiceProcess restarted = ServiceProcess.start(dead.name(), services.resolve("llm-worker.jar"), dead.port(),
                dead.managementPort(), env, logs.resolve(dead.name() + ".log"), WORKER_OPTIONS);
        if (dead == worker) {
            worker = restarted;
        }
        restarted.awaitHealthy(STARTUP);
        return restarted;
    }

    private Map<String, String> with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return merged;
    }

    /**
     * Stops usage-accounting (gracefully, when it is alive) and starts it again on the same port with
     * {@code jvmOptions}; returns once it is healthy.
     */
    synchronized ServiceProcess restartAccounting(List<String> jvmOptions) {
        return restartAccounting(List.of(), jvmOptions);
    }

    /** Whether the running accounting was started with the crash tests' fault hooks, even if it never got healthy. */
    synchronized boolean accountingHasFaultHooks() {
        return accountingHasFaultHooks;
    }

    /** As {@link #restartAccounting(List)}, with the crash tests' fault hooks (module fault-hooks) added to it. */
    synchronized ServiceProcess restartAccountingWithFaultHooks(List<String> jvmOptions) {
        return restartAccounting(List.of(services.resolve("fault-hooks.jar")), jvmOptions);
    }

    private ServiceProcess restartAccounting(List<Path> addedJars, List<String> jvmOptions) {
        if (accounting.isAlive()) {
            accounting.stop();
        }
        accountingHasFaultHooks = !addedJars.isEmpty();
        ServiceProcess restarted = ServiceProcess.start("usage-accounting", services.resolve("usage-accounting.jar"),
                addedJars, accounting.port(), accounting.managementPort(), env, logs.resolve("usage-accounting.log"),
                jvmOptions);
        accounting = restarted;
        restarted.awaitHealthy(STARTUP);
        return restarted;
    }

    /** Stops api-ingress (gracefully, when alive) and starts it again on the same port; returns once healthy. */
    synchronized ServiceProcess restartIngress() {
        if (ingress.isAlive()) {
            ingress.stop();
        }
        ServiceProcess restarted = ServiceProcess.start("api-ingress", services.resolve("api-ingress.jar"),
                ingress.port(), ingress.managementPort(), env, logs.resolve("api-ingress.log"), List.of());
        ingress = restarted;
        restarted.awaitHealthy(STARTUP);
        return restarted;
    }

    /** A setting every service was started with, such as {@code KAFKA_BOOTSTRAP_SERVERS}. */
    String env(String name) {
        return env.get(name);
    }

    private static String keyRing() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "v1:" + java.util.Base64.getEncoder().encodeToString(key);
    }

    private static RunningSystem startAll() throws Exception {
        var infra = TestInfrastructure.start();
        Path services = Path.of(System.getProperty("parley.services.dir"));
        Path logs = Files.createDirectories(Path.of("target", "service-logs"));
        int accountingPort = Ports.free();
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers(),
                "REGISTRY_URL", infra.registryUrl(),
                // an unreachable MongoDB fails a command after 5 s instead of 30 s (MongoOutageIT: the old bounded
                // retries would have given up within about a minute)
                "MONGODB_URI", infra.mongoUri() + "/parley-e2e?serverSelectionTimeoutMS=5000",
                "ACCOUNTING_URL", "http://127.0.0.1:" + accountingPort,
                "PARLEY_SERVICE_TOKEN", SERVICE_TOKEN,
                "PARLEY_JWT_SECRET", "e2e-jwt-secret-" + UUID.randomUUID(),
                "PARLEY_STARTING_BALANCE", Long.toString(STARTING_BALANCE),
                "PARLEY_ADMIN_TOKEN", ADMIN_BOOTSTRAP_TOKEN,
                "PARLEY_INTEGRATION_TOKEN", INTEGRATION_TOKEN,
                "SPRING_APPLICATION_JSON", providers()));
        // 200 parallel reservations (QuotaIT) open as many connections to accounting at once, and queue on one
        // account document in the embedded MongoDB of a small machine
        env.put("PARLEY_ACCOUNTING_CONNECT_TIMEOUT", "20s");
        env.put("PARLEY_ACCOUNTING_READ_TIMEOUT", "60s");
        // QuotaIT fires 200 parallel posts from one user: the per-user limits must not answer before admission
        env.put("PARLEY_CHAT_REQUESTS_PER_MINUTE", "10000");
        env.put("PARLEY_MAX_CONCURRENT_ANSWERS", "1000");
        // every test signs its users up from loopback
        env.put("PARLEY_REGISTRATIONS_PER_HOUR", "100000");
        // the key rings of users' own provider keys (the transport ring is shared by ingress and worker)
        env.put("PARLEY_KEY_ENCRYPTION_KEYS", keyRing());
        env.put("PARLEY_TRANSPORT_KEYS", keyRing());
        // JSON log files besides the console, as ./parley up writes them (LogHygieneIT reads both)
        env.put("PARLEY_LOG_DIR", logs.resolve("json").toAbsolutePath().toString());
        // a lookup of a wedged registry ends within 3 x 5 s + 1 s, inside the workers' 20 s poll interval
        env.put("PARLEY_REGISTRY_TIMEOUT_MS", "5000");
        var accounting = CompletableFuture.supplyAsync(() -> start("usage-accounting", services, accountingPort, env, logs));
        var worker = CompletableFuture.supplyAsync(() -> ServiceProcess.start("llm-worker",
                services.resolve("llm-worker.jar"), Ports.free(), env, logs.resolve("llm-worker.log"), WORKER_OPTIONS));
        var ingress = CompletableFuture.supplyAsync(() -> start("api-ingress", services, Ports.free(), env, logs));
        CompletableFuture.allOf(accounting, worker, ingress).join();
        List<ServiceProcess> started = List.of(accounting.join(), worker.join(), ingress.join());
        try {
            for (var service : started) {
                service.awaitHealthy(STARTUP);
            }
        } catch (IllegalStateException e) {
            started.forEach(ServiceProcess::stop);
            throw e;
        }
        return new RunningSystem(accounting.join(), worker.join(), ingress.join(), env, services, logs);
    }

    /**
     * The fault matrix's providers on top of the built-in mock: {@code slow-1} (a mock at 3 tokens/s, answers longer
     * than the worker's poll interval) and {@code upstream-1} ({@link FakeUpstream}), in the catalog and in the worker.
     */
    private static String providers() {
        String prices = "{\"input\":1000000,\"output\":1000000,\"cached-input\":1000000}";
        return ("{\"parley.worker.providers.mock.tokens-per-second\": 40,"
                + "\"parley.worker.providers.slow.kind\": \"mock\","
                + "\"parley.worker.providers.slow.tokens-per-second\": 3,"
                + "\"parley.worker.providers.upstream.kind\": \"openai-compatible\","
                + "\"parley.worker.providers.upstream.base-url\": \"%s\","
                + "\"parley.worker.providers.upstream.api-key\": \"sk-e2e-upstream-key\","
                + "\"parley.worker.providers.upstream.retry.initial-backoff\": \"100ms\","
                + "\"parley.catalog.providers.slow\": {\"kind\": \"mock\", \"models\": [{\"id\": \"slow-1\","
                + " \"context-window\": 8192, \"max-output-tokens\": 1024, \"prices\": %s}]},"
                + "\"parley.catalog.providers.upstream\": {\"kind\": \"openai-compatible\", \"models\": [{\"id\":"
                + " \"upstream-1\", \"context-window\": 8192, \"max-output-tokens\": 256, \"prices\": %s}]}}")
                .formatted(UPSTREAM.baseUrl(), prices, prices);
    }

    private static ServiceProcess start(String name, Path services, int port, Map<String, String> env, Path logs) {
        return ServiceProcess.start(name, services.resolve(name + ".jar"), port, env, logs.resolve(name + ".log"));
    }
}
