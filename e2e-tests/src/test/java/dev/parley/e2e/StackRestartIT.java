package dev.parley.e2e;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.testing.TestInfrastructure;

/**
 * Fault matrix, issue 10 item 0: the whole stack restarts between producing usage and consuming it. usage-accounting
 * stops while answers are still streaming, so their usage records wait in usage.recorded; then every service, the
 * registry and the broker stop, and everything starts again. The new accounting process has never seen those
 * records' content ids: the registry, whose storage survived, still knows them, and every debit arrives. (With the
 * registry's former in-memory storage the ids were unknown after the restart: the records were undeserializable.)
 * <p>
 * The burst makes its users' keys busy, so api-ingress holds spare reservations for them; with accounting stopped it
 * cannot give them back, and the killed process never will: they come back by expiry, like the reservation of any
 * request that was lost. Accounting runs with a reservation TTL short enough for that to happen within the test
 * (the default is 30 minutes), and still nothing may stay reserved.
 */
class StackRestartIT {

    /** Long enough for the burst's requests to be picked up by the worker, short enough to expire within SETTLE. */
    static final List<String> SHORT_TTL = List.of("-Dparley.accounting.reservation-ttl=60s",
            "-Dparley.accounting.jobs.reservation-expiry=PT2S");

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
        system.restartAccounting(SHORT_TTL);
    }

    @AfterAll
    static void restore() {
        system.restartAccounting(List.of());
    }

    @Test
    void debitsArriveAfterTheWholeStackRestartedBetweenProducingAndConsumingUsage() {
        List<User> users = Traffic.signUp(system.api(), "stack-restart", Faults.USERS);
        List<Posted> accepted = Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).accepted();
        system.accounting.stop();
        Books.awaitStored(accepted, Faults.SETTLE);

        dev.parley.stack.LocalComponents stack = Faults.infrastructure();
        // their answers are stored: nothing is in flight, and a crash is a restart too (and quicker to test)
        system.worker.kill();
        system.ingress.kill();
        stack.registry().stop();
        stack.kafka().stop();
        stack.kafka().start();
        stack.registry().start();
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> system.restartWorker(system.worker)),
                CompletableFuture.runAsync(system::restartIngress),
                CompletableFuture.runAsync(() -> system.restartAccounting(SHORT_TTL))).join();

        Books.assertExact(system, accepted, Faults.SETTLE);
    }
}
