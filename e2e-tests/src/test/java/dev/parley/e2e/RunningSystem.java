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
    static final String SERVICE_TOKEN = "e2e-service-token-" + UUID.randomUUID();
    static final String ADMIN_EMAIL = "admin@parley.test";
    static final String ADMIN_PASSWORD = "admin password 123";
    static final String INTEGRATION_TOKEN = "e2e-integration-token-" + UUID.randomUUID();

    private static RunningSystem instance;

    /** Replaced when a test restarts usage-accounting (on the same port, which ACCOUNTING_URL names). */
    volatile ServiceProcess accounting;
    final ServiceProcess worker;
    final ServiceProcess ingress;
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
            instance = startAll();
        }
        return instance;
    }

    ApiClient api() {
        return new ApiClient(ingress.baseUrl());
    }

    /**
     * Signs the administrator in (creating the account on first use): the one place that knows how an account
     * becomes admin here, so that the browser tests and the API tests change together when that changes.
     *
     * @return the admin's access token
     */
    String adminToken() {
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
        return login.json().get("accessToken").asString();
    }

    /** One more llm-worker process with the same settings; it joins the same consumer group. */
    ServiceProcess startExtraWorker(String name) {
        ServiceProcess extra = ServiceProcess.start(name, services.resolve("llm-worker.jar"), Ports.free(), env,
                logs.resolve(name + ".log"));
        extra.awaitHealthy(Duration.ofMinutes(3));
        return extra;
    }

    /** One more api-ingress process with the same settings: another instance behind the same load balancer. */
    ServiceProcess startExtraIngress(String name) {
        ServiceProcess extra = ServiceProcess.start(name, services.resolve("api-ingress.jar"), Ports.free(), env,
                logs.resolve(name + ".log"));
        extra.awaitHealthy(Duration.ofMinutes(3));
        return extra;
    }

    /** Starts a fresh llm-worker on the port of a killed one, so that its baseUrl serves again. */
    void restartWorker(ServiceProcess dead) {
        ServiceProcess.start(dead.name(), services.resolve("llm-worker.jar"), dead.port(), env,
                logs.resolve(dead.name() + ".log")).awaitHealthy(Duration.ofMinutes(3));
    }

    /**
     * Stops usage-accounting (gracefully, when it is alive) and starts it again on the same port with
     * {@code jvmOptions}; returns once it is healthy.
     */
    synchronized ServiceProcess restartAccounting(List<String> jvmOptions) {
        return restartAccounting(List.of(), jvmOptions);
    }

    /** As {@link #restartAccounting(List)}, with the crash tests' fault hooks (module fault-hooks) added to it. */
    synchronized ServiceProcess restartAccountingWithFaultHooks(List<String> jvmOptions) {
        return restartAccounting(List.of(services.resolve("fault-hooks.jar")), jvmOptions);
    }

    private ServiceProcess restartAccounting(List<Path> addedJars, List<String> jvmOptions) {
        if (accounting.isAlive()) {
            accounting.stop();
        }
        ServiceProcess restarted = ServiceProcess.start("usage-accounting", services.resolve("usage-accounting.jar"),
                addedJars, accounting.port(), env, logs.resolve("usage-accounting.log"), jvmOptions);
        accounting = restarted;
        restarted.awaitHealthy(Duration.ofMinutes(3));
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
                "MONGODB_URI", infra.mongoUri() + "/parley-e2e",
                "ACCOUNTING_URL", "http://127.0.0.1:" + accountingPort,
                "PARLEY_SERVICE_TOKEN", SERVICE_TOKEN,
                "PARLEY_JWT_SECRET", "e2e-jwt-secret-" + UUID.randomUUID(),
                "PARLEY_STARTING_BALANCE", Long.toString(STARTING_BALANCE),
                "PARLEY_ADMIN_EMAILS", ADMIN_EMAIL,
                "PARLEY_INTEGRATION_TOKEN", INTEGRATION_TOKEN,
                // slow enough that a cancel lands mid-stream, fast enough for a short suite
                "SPRING_APPLICATION_JSON", "{\"parley.worker.providers.mock.tokens-per-second\": 40}"));
        // 200 parallel reservations (QuotaIT) open as many connections to accounting at once, and queue on one
        // account document in the embedded MongoDB of a small machine
        env.put("PARLEY_ACCOUNTING_CONNECT_TIMEOUT", "20s");
        env.put("PARLEY_ACCOUNTING_READ_TIMEOUT", "60s");
        // QuotaIT fires 200 parallel posts from one user: the per-user limits must not answer before admission
        env.put("PARLEY_CHAT_REQUESTS_PER_MINUTE", "10000");
        env.put("PARLEY_MAX_CONCURRENT_ANSWERS", "1000");
        // the key rings of users' own provider keys (the transport ring is shared by ingress and worker)
        env.put("PARLEY_KEY_ENCRYPTION_KEYS", keyRing());
        env.put("PARLEY_TRANSPORT_KEYS", keyRing());
        // JSON log files besides the console, as ./parley up writes them (LogHygieneIT reads both)
        env.put("PARLEY_LOG_DIR", logs.resolve("json").toAbsolutePath().toString());
        var accounting = CompletableFuture.supplyAsync(() -> start("usage-accounting", services, accountingPort, env, logs));
        var worker = CompletableFuture.supplyAsync(() -> start("llm-worker", services, Ports.free(), env, logs));
        var ingress = CompletableFuture.supplyAsync(() -> start("api-ingress", services, Ports.free(), env, logs));
        CompletableFuture.allOf(accounting, worker, ingress).join();
        for (var service : List.of(accounting.join(), worker.join(), ingress.join())) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
        return new RunningSystem(accounting.join(), worker.join(), ingress.join(), env, services, logs);
    }

    private static ServiceProcess start(String name, Path services, int port, Map<String, String> env, Path logs) {
        return ServiceProcess.start(name, services.resolve(name + ".jar"), port, env, logs.resolve(name + ".log"));
    }
}
