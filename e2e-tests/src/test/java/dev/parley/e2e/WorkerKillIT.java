package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.SseEvent;
import dev.parley.stack.ServiceProcess;

/**
 * Invariant 6: a worker killed mid-stream (SIGKILL, no shutdown) loses no request. Two llm-worker processes
 * share the consumer group; the one streaming the answer is killed; the other takes the partition over once the
 * dead one's session expires and redoes the request. The client sees a terminal event, the message ends, and
 * usage-accounting debits the answer once.
 */
class WorkerKillIT {

    static RunningSystem system;
    static ServiceProcess second;
    static final List<ServiceProcess> killed = new ArrayList<>();

    @BeforeAll
    static void startTwoWorkers() throws Exception {
        system = RunningSystem.start();
        second = system.startExtraWorker("llm-worker-2");
    }

    /** The other test classes share the system: put a worker back where the original one was killed. */
    @AfterAll
    static void restoreTheOriginalWorker() {
        if (killed.contains(system.worker)) {
            system.restartWorker(system.worker);
        }
        if (second != null && second.isAlive()) {
            second.stop();
        }
    }

    @Test
    void aWorkerKilledMidStreamLosesNoRequest() {
        ApiClient me = signUp();
        String conversationId = me.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = me.post("/api/conversations/" + conversationId + "/messages", Map.of("content",
                "Explain penguins, glaciers, volcanoes, deserts, oceans, forests, rivers and mountains",
                "maxTokens", 600));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String streamUrl = accepted.json().get("streamUrl").asString();

        me.stream(streamUrl, null, event -> event.name().equals("delta"));
        ServiceProcess holder = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(WorkerKillIT::streamingWorker, Optional::isPresent).orElseThrow();
        holder.kill();
        killed.add(holder);

        SseEvent last = await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> lastEvent(me, streamUrl),
                event -> ChatWalkthroughIT.terminal(event));
        String messages = "/api/conversations/" + conversationId + "/messages";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                me.get(messages).json().get("items").get(1).get("status").asString()).isIn("COMPLETED", "FAILED"));
        if (last.name().equals("done")) {
            long total = last.data().get("usage").get("totalTokens").asLong();
            assertThat(total).isPositive();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ChatWalkthroughIT.balance(me))
                    .as("debited once: the dead run published no usage").isEqualTo(RunningSystem.STARTING_BALANCE - total));
        } else {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ChatWalkthroughIT.balance(me))
                    .isLessThan(RunningSystem.STARTING_BALANCE));
        }
    }

    static ApiClient signUp() {
        ApiClient anonymous = system.api();
        String email = "kill-" + UUID.randomUUID() + "@example.com";
        var registered = anonymous.post("/api/auth/register", Map.of("email", email, "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var login = anonymous.post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.as(login.json().get("accessToken").asString());
    }

    /** The worker whose {@code parley_worker_streams_active} gauge is above zero. */
    static Optional<ServiceProcess> streamingWorker() {
        return List.of(system.worker, second).stream().filter(ServiceProcess::isAlive)
                .filter(worker -> activeStreams(worker) > 0).findFirst();
    }

    private static double activeStreams(ServiceProcess worker) {
        String metrics = new ApiClient(worker.managementUrl()).get("/actuator/prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("parley_worker_streams_active"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Reads the stream from the start until it ends; a stream cut short without a terminal event is read again. */
    private static SseEvent lastEvent(ApiClient me, String streamUrl) {
        List<SseEvent> events = me.stream(streamUrl, null, ChatWalkthroughIT::terminal);
        return events.isEmpty() ? new SseEvent(null, "none", null) : events.getLast();
    }
}
