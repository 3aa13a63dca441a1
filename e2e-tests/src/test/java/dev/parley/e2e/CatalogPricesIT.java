package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Prices have one owner, the catalog, and one way to usage-accounting, the compacted topic catalog.prices: a price
 * an admin sets through the catalog's API is what accounting debits with, and it is still known after accounting
 * restarts (read back from the topic, nothing else tells it).
 */
class CatalogPricesIT {

    static final long INPUT = 3_000_000;
    static final long OUTPUT = 7_000_000;
    static final long CACHED = 1_000_000;

    static RunningSystem system;
    static ApiClient admin;

    @BeforeAll
    static void startSystemAndSignInTheAdmin() throws Exception {
        system = RunningSystem.start();
        admin = system.api().as(system.adminToken());
    }

    @Test
    void aPriceSetThroughTheAdminApiIsWhatAccountingDebitsAlsoAfterARestart() {
        String provider = "priced-" + UUID.randomUUID().toString().substring(0, 8);
        String model = provider + "-1";
        Response created = admin.post("/api/providers", Map.of("name", provider, "kind", "mock", "models",
                List.of(Map.of("id", model, "contextWindow", 8192, "maxOutputTokens", 40,
                        "prices", Map.of("input", 1_000_000, "output", 1_000_000, "cachedInput", 1_000_000)))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        try {
            Response priced = admin.put("/api/admin/prices", Map.of("model", model, "input", INPUT,
                    "output", OUTPUT, "cachedInput", CACHED));
            assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
            ApiClient user = signUp();

            assertDebitedAtThePrice(ask(user, model));

            system.restartAccounting(List.of());
            JsonNode table = Books.accounting(system).get("/internal/admin/prices").json();
            assertThat(table.get("loaded").asBoolean()).isTrue();
            assertThat(table.get("prices").get(model).get("output").asLong()).as("read back from catalog.prices")
                    .isEqualTo(OUTPUT);
            assertDebitedAtThePrice(ask(user, model));
        } finally {
            admin.delete("/api/providers/" + provider);
        }
    }

    static ApiClient signUp() {
        var anonymous = system.api();
        String email = "priced-" + UUID.randomUUID() + "@example.com";
        assertThat(anonymous.post("/api/auth/register", Map.of("email", email, "password", "correct horse battery"))
                .status()).isEqualTo(201);
        return anonymous.as(anonymous.post("/api/auth/login", Map.of("email", email,
                "password", "correct horse battery")).json().get("accessToken").asString());
    }

    /** Asks once and returns the request's debit from the user's transactions. */
    static JsonNode ask(ApiClient user, String model) {
        String conversation = user.post("/api/conversations", Map.of()).json().get("id").asString();
        Response accepted = user.post("/api/conversations/" + conversation + "/messages",
                Map.of("content", "Name three rivers.", "model", model));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String requestId = accepted.json().get("requestId").asString();
        user.stream(accepted.json().get("streamUrl").asString(), null, QuotaIT::terminal);
        return await().atMost(Duration.ofSeconds(60)).until(() -> debit(user, requestId), entry -> entry != null);
    }

    static JsonNode debit(ApiClient user, String requestId) {
        for (JsonNode item : user.get("/api/me/transactions?size=100").json().get("items")) {
            if ("DEBIT".equals(item.get("type").asString()) && requestId.equals(item.get("requestId").asString())) {
                return item;
            }
        }
        return null;
    }

    static void assertDebitedAtThePrice(JsonNode debit) {
        long input = debit.get("tokens").get("input").asLong();
        long cached = debit.get("tokens").get("cachedInput").asLong();
        long output = debit.get("tokens").get("output").asLong();
        long micro = (input - cached) * INPUT + cached * CACHED + output * OUTPUT;
        assertThat(input + output).isPositive();
        assertThat(debit.get("amount").asLong()).as(debit.toString()).isEqualTo((micro + 999_999) / 1_000_000);
    }
}
