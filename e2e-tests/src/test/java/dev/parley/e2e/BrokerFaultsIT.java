package dev.parley.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.events.Topics;
import dev.parley.stack.KafkaBroker;

/**
 * Fault matrix: the broker refuses writes for 30 s during a burst (issue 10, item 1), and the broker is stopped and
 * started again under load. Answers in flight cannot be published for a while: the worker sends them again (bounded,
 * then dead-letters), consumers reconnect; posts meeting the fault are refused, never half-accepted. Afterwards every
 * accepted answer is stored, Σ debits = Σ usage, each call debited once.
 */
class BrokerFaultsIT {

    static RunningSystem system;
    static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
        broker = Faults.infrastructure().kafka();
    }

    @Test
    void theBrokerRefusingWritesForThirtySecondsDuringABurstLosesAndDoublesNothing() {
        List<User> users = Traffic.signUp(system.api(), "refused", Faults.USERS);
        List<Posted> accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).maybeAccepted());
        broker.refuseWrites(Topics.ALL);
        try {
            accepted.addAll(Faults.loadFor(Faults.REFUSED_WRITES, users, Faults::longAnswer));
        } finally {
            broker.acceptWrites();
        }
        accepted.addAll(Traffic.burst(users, 1, Faults::longAnswer).maybeAccepted());

        Books.assertExact(system, accepted, Faults.SETTLE);
    }

    @Test
    void theBrokerStoppedAndStartedAgainUnderLoadLosesAndDoublesNothing() {
        List<User> users = Traffic.signUp(system.api(), "broker-restart", Faults.USERS);
        List<Posted> accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).maybeAccepted());
        broker.stop();
        try {
            accepted.addAll(Faults.loadFor(java.time.Duration.ofSeconds(10), users, Faults::longAnswer));
        } finally {
            broker.start();
        }
        accepted.addAll(Traffic.burst(users, 1, Faults::longAnswer).maybeAccepted());

        Books.assertExact(system, accepted, Faults.SETTLE);
    }
}
