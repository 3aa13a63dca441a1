package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.Response;
import dev.parley.e2e.ApiClient.SseEvent;
import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import tools.jackson.databind.JsonNode;

/**
 * Reservations held ahead of requests (api-ingress's spares) with the real services: a burst of one user's requests
 * makes their key busy, api-ingress holds spares with one call, and later requests of the burst take them without a
 * call of their own. Every answer streams to its end, each request is debited once for exactly its usage whether its
 * reservation was a spare or a call, and the spares no request took are given back once idle, leaving nothing
 * reserved.
 */
class SpareReservationsIT {

    static final int REQUESTS = 12;
    /** Short, so that a reservation by call (its estimated input) is smaller than a spare (at least 256 input tokens). */
    static final Map<String, Object> MESSAGE = Map.of("content", "Name three penguins.", "maxTokens", 40);
    /** api-ingress's {@code parley.admission.spare-idle} (10 s) and its give-back every second, on a busy machine. */
    static final Duration SPARES_GIVEN_BACK = Duration.ofSeconds(30);

    static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void aBurstIsServedPartlyFromSparesBilledExactlyAndLeavesNothingReserved() {
        // another user's request first: the first request of a fresh system may be slow, or answered 503 and sent
        // again, which would stretch the burst beyond the busy gap or count one request's admission twice
        Traffic.post(Traffic.signUp(system.api(), "spares-warm-up"), MESSAGE);
        User user = Traffic.signUp(system.api(), "spares");
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            // beforehand, so that the posts below follow each other well within api-ingress's busy gap of 1 s
            conversations.add(user.api().post("/api/conversations", Map.of()).json().get("id").asString());
        }
        Map<String, Double> before = admissions();

        List<Posted> posted = new ArrayList<>();
        for (String conversation : conversations) {
            posted.add(post(user, conversation));
        }
        Map<String, Double> after = admissions();
        long fromSpares = Math.round(after.get("spare") - before.get("spare"));
        long byCall = Math.round(after.get("call") - before.get("call"));
        System.out.printf("%d requests: %d admitted from spares, %d by a call%n", REQUESTS, fromSpares, byCall);

        for (Posted post : posted) {
            List<SseEvent> events = user.api().stream(post.streamUrl(), null, ChatWalkthroughIT::terminal);
            assertThat(events.getLast().name()).as("the answer of %s", post.requestId()).isEqualTo("done");
        }
        assertThat(fromSpares).as("requests of the burst admitted from spares").isPositive();
        assertThat(fromSpares + byCall).as("each request admitted once, from a spare or by a call")
                .isEqualTo(REQUESTS);

        // Σ debits = Σ usage, one <requestId>:<n> debit set per request, balance = start - usage, nothing reserved:
        // the last only once the unused spares were given back
        Books.assertExact(system, posted, SPARES_GIVEN_BACK);

        ApiClient accounting = Books.accounting(system);
        Set<String> requests = posted.stream().map(Posted::requestId).collect(Collectors.toSet());
        JsonNode account = accounting.get("/internal/accounts/" + user.id()).json();
        assertThat(account.get("reserved").asLong()).as("nothing reserved once the spares are given back").isZero();
        assertThat(account.get("available").asLong()).isEqualTo(account.get("balance").asLong());

        List<JsonNode> debits = Books.debits(accounting, user.id());
        Map<String, Long> debitsPerRequest = debits.stream().collect(Collectors.groupingBy(
                debit -> debit.get("requestId").asString(), LinkedHashMap::new, Collectors.counting()));
        assertThat(debitsPerRequest).as("one debit per request").hasSize(REQUESTS)
                .allSatisfy((request, count) -> assertThat(count).as("debits of %s", request).isOne());
        assertThat(debitsPerRequest.keySet()).isEqualTo(requests);

        // the spares no request took, given back by api-ingress: never one a request took
        List<JsonNode> releases = entries(accounting, user.id(), "RELEASE");
        assertThat(releases).as("unused spares given back").isNotEmpty().allSatisfy(release -> {
            assertThat(release.get("source").asString()).isEqualTo("API");
            assertThat(requests).doesNotContain(release.get("requestId").asString());
        });
        Set<Long> spareAmounts = releases.stream().map(release -> release.get("released").asLong())
                .collect(Collectors.toSet());
        assertThat(spareAmounts).as("every spare of the burst held for the same amount").hasSize(1);
        long spare = spareAmounts.iterator().next();

        // a request admitted from a spare is in the ledger under its request id like any other: its debit settled
        // the spare, whose amount only spares have (a call reserves for the request's own, smaller, input)
        List<JsonNode> settledSpares = debits.stream().filter(debit -> debit.get("released").asLong() == spare)
                .toList();
        assertThat(settledSpares).as("debits that settled a spare, one per request admitted from a spare")
                .hasSize((int) fromSpares)
                .allSatisfy(debit -> assertThat(debit.get("id").asString())
                        .startsWith(debit.get("requestId").asString() + ":"));
        assertThat(debits).filteredOn(debit -> debit.get("released").asLong() != spare)
                .as("debits that settled a reservation by call").hasSize((int) byCall)
                .allSatisfy(debit -> assertThat(debit.get("released").asLong()).isPositive().isLessThan(spare));
    }

    /** One message to a conversation; a 503 is sent again, as {@link Traffic#post} does. */
    private static Posted post(User user, String conversation) {
        String path = "/api/conversations/" + conversation + "/messages";
        Response accepted = user.api().post(path, MESSAGE);
        for (int again = 0; again < 3 && accepted.status() == 503; again++) {
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            accepted = user.api().post(path, MESSAGE);
        }
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode json = accepted.json();
        return new Posted(user, conversation, json.get("messageId").asString(), json.get("requestId").asString(),
                json.get("streamUrl").asString());
    }

    /** api-ingress's {@code parley_ingress_admissions_total} by source (spare, call). */
    private static Map<String, Double> admissions() {
        Map<String, Double> bySource = new LinkedHashMap<>(Map.of("spare", 0.0, "call", 0.0));
        new ApiClient(system.ingress.managementUrl()).get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("parley_ingress_admissions_total{"))
                .forEach(line -> bySource.keySet().stream()
                        .filter(source -> line.contains("source=\"" + source + "\""))
                        .forEach(source -> bySource.merge(source,
                                Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum)));
        return bySource;
    }

    /** The user's applied ledger entries of one type. */
    private static List<JsonNode> entries(ApiClient accounting, String userId, String type) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode item : accounting.get("/internal/accounts/" + userId + "/transactions?size=200").json()
                .get("items")) {
            if (type.equals(item.get("type").asString())) {
                entries.add(item);
            }
        }
        return entries;
    }
}
