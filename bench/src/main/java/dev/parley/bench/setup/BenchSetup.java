package dev.parley.bench.setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a fresh stack for load: the upstream as an {@code openai-compatible} catalog provider with one priced
 * model, users with API keys, and balances no run can exhaust.
 */
public final class BenchSetup {

    public static final String PROVIDER = "bench-upstream";
    public static final String MODEL = "bench-1";
    /** Credits every bench user holds: the mock model costs one credit per token. */
    public static final long BALANCE = 1_000_000_000_000L;
    private static final String PASSWORD = "bench user password 1";

    private final JsonHttp http;
    private final String baseUrl;
    private final String adminToken;

    public BenchSetup(JsonHttp http, String baseUrl, String adminToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /** Adds (or re-points) the provider at {@code upstreamBaseUrl}, then waits until every ingress lists the model. */
    public void provider(String upstreamBaseUrl, List<String> ingressUrls) {
        Map<String, Object> model = Map.of("id", MODEL, "contextWindow", 32768, "maxOutputTokens", 4096,
                "prices", Map.of("input", 1_000_000, "output", 1_000_000, "cachedInput", 0));
        Map<String, Object> provider = Map.of("name", PROVIDER, "kind", "openai-compatible",
                "baseUrl", upstreamBaseUrl + "/v1", "models", List.of(model));
        JsonHttp.Reply created = http.send("POST", baseUrl + "/api/providers", adminToken, provider);
        if (created.status() == 409) {
            http.expect("PUT", baseUrl + "/api/providers/" + PROVIDER, adminToken, provider);
        } else if (!created.ok()) {
            throw new IllegalStateException("adding the provider answered " + created.status() + ": " + created.body());
        }
        for (String ingress : ingressUrls) {
            awaitModel(ingress);
        }
    }

    // Other instances reload the catalog every 10 s.
    private void awaitModel(String ingress) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!http.send("GET", ingress + "/api/models", adminToken, null).body().toString().contains(
                "\"" + MODEL + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(ingress + " does not list " + MODEL + " after 60 s");
            }
            sleep(500);
        }
    }

    /** Users {@code bench-user-<i>} for i in [0, count): registered, signed in once, each with an API key. */
    public List<BenchUser> users(int count) {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<BenchUser>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "bench-user-" + i + "@parley.bench";
                futures.add(pool.submit(() -> user(email)));
            }
            List<BenchUser> users = new ArrayList<>();
            for (Future<BenchUser> future : futures) {
                users.add(future.get());
            }
            return users;
        } catch (Exception e) {
            throw new IllegalStateException("creating the bench users failed: " + e.getMessage(), e);
        }
    }

    private BenchUser user(String email) {
        Map<String, Object> credentials = Map.of("email", email, "password", PASSWORD);
        http.send("POST", baseUrl + "/api/auth/register", null, credentials);
        String token = http.expect("POST", baseUrl + "/api/auth/login", null, credentials).text("accessToken");
        String id = http.expect("GET", baseUrl + "/api/auth/me", token, null).text("id");
        String key = http.expect("POST", baseUrl + "/api/keys", token, Map.of("name", "bench")).text("key");
        long available = http.expect("GET", baseUrl + "/api/me/usage", token, null).body().path("available").asLong();
        if (available < BALANCE / 2) {
            http.expect("PUT", baseUrl + "/api/admin/users/" + id + "/balance", adminToken, Map.of("balance", BALANCE));
        }
        return new BenchUser(id, email, key);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
