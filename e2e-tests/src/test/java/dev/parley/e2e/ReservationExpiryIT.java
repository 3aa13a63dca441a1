package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.Response;
import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import tools.jackson.databind.JsonNode;

/**
 * Fault matrix, issue 10 item 3: reservations must not expire into an overdraft while requests wait. The worker is
 * stopped; a user posts until 402; the reservation TTL (20 s here) passes; they post until 402 again; the worker
 * starts and works through the backlog. The balance never goes below zero (the worker refuses, without charge, what
 * it picks up after its reservation expired).
 */
class ReservationExpiryIT {

    static RunningSystem system;

    @BeforeAll
    static void shortTtlAndNoWorker() throws Exception {
        system = RunningSystem.start();
        system.restartAccounting(List.of("-Dparley.accounting.reservation-ttl=20s",
                "-Dparley.accounting.jobs.reservation-expiry=PT2S"));
        system.worker.stop();
    }

    @AfterAll
    static void restore() {
        system.restartAccounting(List.of());
        if (!system.worker.isAlive()) {
            system.restartWorker(system.worker);
        }
    }

    @Test
    void aBacklogBeyondTheReservationTtlNeverOverdrawsTheBalance() {
        User user = Traffic.signUp(system.api(), "backlog");
        ApiClient accounting = Books.accounting(system);
        assertThat(accounting.put("/internal/admin/accounts/" + user.id() + "/balance", Map.of("balance", 600))
                .status()).isEqualTo(200);
        List<Posted> accepted = new ArrayList<>(postUntilRefused(user));
        await().atMost(Duration.ofMinutes(2)).until(() -> accounting.get("/internal/accounts/" + user.id()).json()
                .get("reserved").asLong() == 0);
        accepted.addAll(postUntilRefused(user));

        system.restartWorker(system.worker);

        Books.awaitStored(accepted, Faults.SETTLE);
        await().atMost(Faults.SETTLE).untilAsserted(() -> assertThat(accounting.get("/internal/accounts/"
                + user.id()).json().get("reserved").asLong()).isZero());
        JsonNode ledger = accounting.get("/internal/accounts/" + user.id() + "/transactions?size=200").json();
        for (JsonNode entry : ledger.get("items")) {
            assertThat(entry.get("balanceAfter").asLong()).as("balance after %s", entry.get("id").asString())
                    .isNotNegative();
        }
        assertThat(accounting.get("/internal/accounts/" + user.id()).json().get("balance").asLong()).isNotNegative();
    }

    private static List<Posted> postUntilRefused(User user) {
        List<Posted> accepted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String conversation = user.api().post("/api/conversations", Map.of()).json().get("id").asString();
            Response response = user.api().post("/api/conversations/" + conversation + "/messages",
                    Faults.longAnswer(i));
            if (response.status() == 402) {
                return accepted;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            var json = response.json();
            accepted.add(new Posted(user, conversation, json.get("messageId").asString(),
                    json.get("requestId").asString(), json.get("streamUrl").asString()));
        }
        throw new AssertionError("never refused");
    }
}
