package dev.parley.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.stack.ServiceProcess;

/**
 * Fault matrix: a rolling restart of the workers under load. Two workers share the group; each in turn is stopped
 * (SIGTERM: it lets its streams finish within its shutdown grace, the rest are redone by the other) and started
 * again, while users keep posting. Every answer is stored and billed once.
 */
class RollingRestartIT {

    static RunningSystem system;
    static ServiceProcess second;

    @BeforeAll
    static void startASecondWorker() throws Exception {
        system = RunningSystem.start();
        second = system.startExtraWorker("llm-worker-rolling");
    }

    @AfterAll
    static void stopIt() {
        if (second != null && second.isAlive()) {
            second.stop();
        }
    }

    @Test
    void aRollingRestartOfTheWorkersUnderLoadLosesAndDoublesNothing() {
        List<User> users = Traffic.signUp(system.api(), "rolling", Faults.USERS);
        List<Posted> accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).maybeAccepted());
        var restarting = new AtomicBoolean(true);
        var load = CompletableFuture.supplyAsync(() -> {
            List<Posted> posted = new ArrayList<>();
            while (restarting.get()) {
                posted.addAll(Faults.loadFor(java.time.Duration.ofSeconds(5), users, Faults::longAnswer));
            }
            return posted;
        });

        system.worker.stop();
        system.restartWorker(system.worker);
        second.stop();
        second = system.restartWorker(second);
        restarting.set(false);
        accepted.addAll(load.join());

        Books.assertExact(system, accepted, Faults.SETTLE);
    }
}
