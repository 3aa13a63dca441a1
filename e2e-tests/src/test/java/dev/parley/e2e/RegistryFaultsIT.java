package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.stack.FaultyProxy;
import dev.parley.stack.SchemaRegistry;
import dev.parley.stack.ServiceProcess;

/**
 * Fault matrix, issue 10 item 0: the schema registry can neither hang nor stop Parley. A worker and an api-ingress
 * instance talk to the registry through a proxy; they start cold (no schema looked up yet), and the proxy worker is
 * the only worker at first.
 * <ol>
 * <li>The registry hangs (the proxy accepts connections and never answers) while users post: the cold worker cannot
 * read the requests and the cold ingress's fan-out cannot read chat.stream, but every lookup ends within its timeout,
 * so their consumers keep polling (health never DOWN, although these instances report a consumer that stops polling
 * for 20 s) and report RETRYING. When the registry answers again, every answer streams, also through the cold
 * ingress.</li>
 * <li>The registry is stopped for a minute under load: warm services need it for nothing (each lookup is cached for
 * the life of the process), and a worker started during the outage takes its share of the requests once the
 * registry is back. Nothing is lost or billed twice.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryFaultsIT {

    static final List<String> QUICK_STALL_CHECK = List.of("-Dspring.kafka.listener.no-poll-threshold=4",
            "-Dspring.kafka.listener.monitor-interval=2s");

    static RunningSystem system;
    static FaultyProxy proxy;
    static ServiceProcess proxyWorker;
    static ServiceProcess proxyIngress;
    static SchemaRegistry registry;

    @BeforeAll
    static void startInstancesBehindAProxy() throws Exception {
        system = RunningSystem.start();
        registry = Faults.infrastructure().registry();
        URI real = URI.create(registry.apiUrl());
        proxy = FaultyProxy.start(real.getHost(), real.getPort(), FaultyProxy.Mode.FORWARD);
        Map<String, String> viaProxy = Map.of("REGISTRY_URL", "http://127.0.0.1:" + proxy.port() + "/apis/registry/v3");
        var worker = CompletableFuture.supplyAsync(() -> system.startExtraWorker("llm-worker-via-proxy", viaProxy,
                QUICK_STALL_CHECK));
        var ingress = CompletableFuture.supplyAsync(() -> system.startExtraIngress("api-ingress-via-proxy", viaProxy,
                QUICK_STALL_CHECK));
        proxyWorker = worker.join();
        proxyIngress = ingress.join();
        system.worker.stop();
    }

    @AfterAll
    static void restore() {
        registry.start();
        if (!system.worker.isAlive()) {
            system.restartWorker(system.worker);
        }
        for (ServiceProcess extra : new ServiceProcess[] {proxyWorker, proxyIngress}) {
            if (extra != null && extra.isAlive()) {
                extra.stop();
            }
        }
        proxy.close();
    }

    @Test
    @Order(1)
    void aHungRegistryWedgesNoConsumerAndEveryAnswerArrivesOnceItAnswers() {
        List<User> users = Traffic.signUp(system.api(), "hung-registry", Faults.USERS);
        proxy.mode(FaultyProxy.Mode.HANG);
        List<Posted> accepted;
        boolean retried = false;
        try {
            accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).accepted());
            Instant end = Instant.now().plus(Faults.HUNG_REGISTRY);
            while (Instant.now().isBefore(end)) {
                String consumers = Books.healthOf(proxyWorker, "kafkaConsumers");
                assertThat(consumers).as("the worker's consumers keep polling").isNotEqualTo("DOWN");
                assertThat(new ApiClient(proxyIngress.managementUrl()).get("/actuator/health").status())
                        .as("the cold ingress's fan-out keeps polling").isEqualTo(200);
                retried |= consumers.equals("RETRYING");
                await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
            }
        } finally {
            proxy.mode(FaultyProxy.Mode.FORWARD);
        }
        assertThat(retried).as("the worker said it was waiting for the registry").isTrue();

        Posted viaColdIngress = accepted.getFirst();
        var events = viaColdIngress.user().api().on(proxyIngress.baseUrl()).stream(viaColdIngress.streamUrl(), null,
                ChatWalkthroughIT::terminal);
        assertThat(events.getLast().name()).isEqualTo("done");
        Books.assertExact(system, accepted, Faults.SETTLE);
    }

    @Test
    @Order(2)
    void theRegistryStoppedForAMinuteUnderLoadLosesNothing() {
        List<User> users = Traffic.signUp(system.api(), "registry-down", Faults.USERS);
        List<Posted> accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).maybeAccepted());
        registry.stop();
        try {
            var coldWorker = CompletableFuture.runAsync(() -> system.restartWorker(system.worker));
            accepted.addAll(Faults.loadFor(Faults.REGISTRY_OUTAGE, users, Faults::longAnswer));
            coldWorker.join();
        } finally {
            registry.start();
        }
        accepted.addAll(Traffic.burst(users, 1, Faults::longAnswer).maybeAccepted());

        Books.assertExact(system, accepted, Faults.SETTLE);
    }
}
