package dev.parley.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run in this JVM from the
 * Kafka jars on Maven Central. Its log directory survives a restart when the same data directory is used, and
 * {@link #stop()} then {@link #start()} restarts it on the same ports with the same log (fault tests).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Properties config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private KafkaBroker(Properties config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, Map.of());
    }

    /**
     * Broker settings that let {@link #refuseWrites} work: Kafka's own ACL authorizer, allowing everything that no
     * ACL denies. Tests start their broker with them; {@code ./parley up} does not.
     */
    public static final Map<String, String> REFUSABLE_WRITES = Map.of(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "allow.everyone.if.no.acl.found", "true");

    /** @param extra broker settings on top of the defaults, e.g. {@link #REFUSABLE_WRITES} */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Map<String, String> extra) {
        Properties config = serverConfig(dataDir, port, controllerPort);
        config.putAll(extra);
        formatStorageOnce(dataDir, config);
        var broker = new KafkaBroker(config, "127.0.0.1:" + port);
        broker.start();
        return broker;
    }

    /** Starts the broker again after {@link #stop()}; returns once it serves. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /** Shuts the broker down (its clients see it gone); the log directory stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * From now on the broker refuses every write to {@code topics} (TopicAuthorizationException), while reads go on:
     * a fault test's "broker refuses writes". Needs {@link #REFUSABLE_WRITES}. A topic with any ACL is no longer
     * "no ACL found", so everything else is allowed explicitly; a DENY wins over the ALLOW.
     */
    public void refuseWrites(Collection<String> topics) {
        try (Admin admin = admin()) {
            admin.createAcls(topics.stream().flatMap(topic -> Stream.of(ALLOW_ALL, DENY_WRITE).map(entry ->
                    new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), entry)))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not refuse writes to " + topics, e);
        }
    }

    /** Takes writes to every topic again (removes the ACLs {@link #refuseWrites} added). */
    public void acceptWrites() {
        try (Admin admin = admin()) {
            admin.deleteAcls(Stream.of(ALLOW_ALL, DENY_WRITE).map(entry -> new AclBindingFilter(
                    ResourcePatternFilter.ANY, entry.toFilter())).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not accept writes again", e);
        }
    }

    private static final AccessControlEntry ALLOW_ALL = new AccessControlEntry("User:ANONYMOUS", "*",
            AclOperation.ALL, AclPermissionType.ALLOW);
    private static final AccessControlEntry DENY_WRITE = new AccessControlEntry("User:ANONYMOUS", "*",
            AclOperation.WRITE, AclPermissionType.DENY);

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000));
    }

    @Override
    public void close() {
        stop();
    }

    private static Properties serverConfig(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kraft-logs").toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void formatStorageOnce(Path dataDir, Properties config) {
        Path logDir = dataDir.resolve("kraft-logs");
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "Parley embedded Kafka broker");
            }
            String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()};
            int exit = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
            if (exit != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed with exit code " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not become ready", e);
                    }
                }
            }
        }
    }
}
