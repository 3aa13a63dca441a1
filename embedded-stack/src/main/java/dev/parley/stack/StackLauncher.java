package dev.parley.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.stack.ServiceEnvironment.Infrastructure;

/** Starts the infrastructure in parallel, then the services, and prints the banner once all are healthy. */
final class StackLauncher {

    private static final Logger log = LoggerFactory.getLogger(StackLauncher.class);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(4);
    private static final String DATABASE = "parley";

    private final StackSettings settings;
    private final RunningStack running;

    StackLauncher(StackSettings settings, RunningStack running) {
        this.settings = settings;
        this.running = running;
    }

    void start() {
        long started = System.nanoTime();
        Map<ParleyService, Path> jars = findJars();
        PortCheck.requireFree(portsToCheck(jars));
        StackSecrets secrets = loadSecrets();
        String integrationToken = StackSecrets.integrationToken(settings.home().resolve("secrets.properties"),
                settings.env(), new SecureRandom());
        String adminToken = StackSecrets.adminToken(settings.home().resolve("secrets.properties"), settings.env(),
                new SecureRandom());
        Infrastructure infra = startInfrastructure();
        List<ServiceProcess> services = startServices(jars, infra, secrets, integrationToken, adminToken);
        List<ParleyService> skipped = new ArrayList<>(List.of(ParleyService.values()));
        skipped.removeAll(jars.keySet());
        running.describedBy(StackDescription.write(settings.home().resolve(StackDescription.FILE_NAME), infra,
                settings.externalMongoUri().isEmpty(), running, services));
        log.info(Banner.render(settings, infra, services, skipped, Duration.ofNanos(System.nanoTime() - started),
                adminToken));
        services.forEach(this::warnOnUnexpectedExit);
    }

    private Map<ParleyService, Path> findJars() {
        Map<ParleyService, Path> jars = new EnumMap<>(ParleyService.class);
        List<String> missing = new ArrayList<>();
        for (ParleyService service : ParleyService.values()) {
            service.findJar(settings.servicesDir()).ifPresentOrElse(jar -> jars.put(service, jar),
                    () -> missing.add(service.module() + " (no " + service.targetDir(settings.servicesDir())
                            + "/" + service.module() + "-*-exec.jar)"));
        }
        if (!missing.isEmpty() && !settings.allowMissingServices()) {
            throw new StackException("not built: " + String.join(", ", missing)
                    + ". Run ./parley up (it builds first) or ./mvnw -DskipTests package");
        }
        missing.forEach(m -> log.warn("Skipping {}: not built", m));
        return jars;
    }

    private Map<String, Integer> portsToCheck(Map<ParleyService, Path> jars) {
        Map<String, Integer> ports = new LinkedHashMap<>(settings.ports());
        if (settings.externalMongoUri().isPresent()) {
            ports.remove(StackSettings.MONGO_PORT);
        }
        for (ParleyService service : ParleyService.values()) {
            if (!jars.containsKey(service)) {
                ports.remove(service.portVariable());
                ports.remove(service.managementPortVariable());
                continue;
            }
            List<Integer> instances = settings.instancePorts(service);
            for (int i = 1; i < instances.size(); i++) {
                ports.put(service.instanceName(i) + " (counted up from " + service.portVariable() + ")",
                        instances.get(i));
                ports.put(service.instanceName(i) + " management", settings.managementPort(service, i));
            }
        }
        return ports;
    }

    private StackSecrets loadSecrets() {
        Path file = settings.home().resolve("secrets.properties");
        boolean existed = Files.exists(file);
        StackSecrets secrets = StackSecrets.loadOrCreate(file, settings.env(), new SecureRandom());
        boolean fromEnv = settings.envValue(StackSecrets.SERVICE_TOKEN).isPresent()
                && settings.envValue(StackSecrets.JWT_SECRET).isPresent();
        log.info("Service token and JWT secret: {}; the integration token (PARLEY_INTEGRATION_TOKEN) for outside "
                + "systems is in the same file unless set in the environment", fromEnv ? "from the environment"
                : (existed ? "reused from " : "generated into ") + file);
        return secrets;
    }

    private Infrastructure startInfrastructure() {
        Path kafkaDir = settings.home().resolve("kafka");
        log.info("Starting Kafka ({} data in {}), Apicurio Registry{}...",
                Files.exists(kafkaDir.resolve("kraft-logs/meta.properties")) ? "existing" : "new", kafkaDir,
                settings.externalMongoUri().isPresent() ? " (MongoDB: external, from MONGODB_URI)" : " and MongoDB");
        // Kafka runs in this JVM and logs to stack.log; the registry's failure message already has its log tail.
        var kafka = StartupTasks.timed("Kafka", settings.logs().resolve("stack.log"), () -> running.kafka(
                KafkaBroker.start(kafkaDir, settings.port(StackSettings.KAFKA_PORT),
                        settings.port(StackSettings.KAFKA_CONTROLLER_PORT))).bootstrapServers());
        var registry = StartupTasks.timed("Apicurio Registry", null, () -> running.registry(
                SchemaRegistry.start(settings.registryDir(), settings.port(StackSettings.REGISTRY_PORT),
                        settings.logs().resolve("registry.log"), settings.home().resolve("registry"))).apiUrl());
        var mongo = settings.externalMongoUri().map(CompletableFuture::completedFuture)
                .orElseGet(() -> StartupTasks.timed("MongoDB", null, () -> running.mongo(
                        EmbeddedMongo.persistent(settings.home().resolve("mongo/parley.mv"),
                                settings.port(StackSettings.MONGO_PORT))).connectionString() + "/" + DATABASE));
        StartupTasks.awaitAll(List.of(kafka, registry, mongo));
        return new Infrastructure(kafka.join(), registry.join(), mongo.join());
    }

    private List<ServiceProcess> startServices(Map<ParleyService, Path> jars, Infrastructure infra,
            StackSecrets secrets, String integrationToken, String adminToken) {
        if (jars.isEmpty()) {
            return List.of();
        }
        log.info("Starting {}...", String.join(", ", jars.keySet().stream().map(ParleyService::module).toList()));
        List<ServiceProcess> services = new ArrayList<>();
        jars.forEach((service, jar) -> {
            List<Integer> ports = settings.instancePorts(service);
            for (int i = 0; i < ports.size(); i++) {
                Map<String, String> env = new LinkedHashMap<>(
                        ServiceEnvironment.of(service, infra, settings, secrets, integrationToken, adminToken));
                env.put(service.portVariable(), Integer.toString(ports.get(i)));
                env.put(service.managementPortVariable(), Integer.toString(settings.managementPort(service, i)));
                String name = service.instanceName(i);
                services.add(running.add(ServiceProcess.start(name, jar, ports.get(i), settings.managementPort(service, i),
                        env, settings.logs().resolve(name + ".log"), List.of())));
            }
        });
        StartupTasks.awaitAll(services.stream().map(service -> StartupTasks.timed(service.name(), null, () -> {
            service.awaitHealthy(SERVICE_TIMEOUT);
            return service;
        })).toList());
        return services;
    }

    private void warnOnUnexpectedExit(ServiceProcess service) {
        service.onExit().thenRun(() -> {
            if (!running.isStopping()) {
                log.warn("{} exited unexpectedly; see {}", service.name(), service.logFile());
            }
        });
    }
}
