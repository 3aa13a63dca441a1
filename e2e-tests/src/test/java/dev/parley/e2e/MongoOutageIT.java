package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.events.Topics;
import dev.parley.stack.EmbeddedMongo;

/**
 * Fault matrix, issue 10 item 2: MongoDB stopped during a burst (75 s in CI, 5 min in the soak), then started on the
 * same port. The worker keeps answering (it needs no database); accounting and api-ingress cannot store, and retry
 * without limit instead of dead-lettering (their health shows {@code kafkaConsumers} RETRYING, the
 * {@code parley_kafka_listener_retrying} gauge counts the partitions). Once MongoDB is back every debit and every
 * stored answer arrives, and nothing of these users went to a dead-letter topic.
 */
class MongoOutageIT {

    static RunningSystem system;
    static EmbeddedMongo mongo;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
        mongo = Faults.infrastructure().mongo();
    }

    @Test
    void everyDebitAndEveryAnswerArrivesAfterAMongoOutage() {
        List<User> users = Traffic.signUp(system.api(), "mongo-outage", Faults.USERS);
        List<Posted> accepted = new ArrayList<>(Traffic.burst(users, Faults.PER_USER, Faults::longAnswer).accepted());
        mongo.stop();
        java.time.Instant back = java.time.Instant.now().plus(Faults.MONGO_OUTAGE);
        try {
            await().atMost(Faults.MONGO_OUTAGE).untilAsserted(() -> {
                assertThat(retrying(system.accounting)).as("accounting waits for MongoDB").isPositive();
                assertThat(Books.healthOf(system.accounting, "kafkaConsumers")).isEqualTo("RETRYING");
            });
            System.out.printf("MongoDB stays down until %s%n", back);
            await().atMost(Faults.MONGO_OUTAGE.plusSeconds(1)).until(() -> java.time.Instant.now().isAfter(back));
        } finally {
            mongo.start();
        }

        Books.assertExact(system, accepted, Faults.SETTLE);
        Set<String> keys = users.stream().map(User::id).collect(Collectors.toSet());
        accepted.forEach(posted -> keys.add(posted.requestId()));
        assertThat(Books.deadLetters(system, List.of(Topics.USAGE_RECORDED, Topics.CHAT_STREAM), keys)).as("dead-lettered").isZero();
    }

    static double retrying(dev.parley.stack.ServiceProcess service) {
        return new ApiClient(service.managementUrl()).get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("parley_kafka_listener_retrying"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
