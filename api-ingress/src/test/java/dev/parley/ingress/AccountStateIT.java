package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

/**
 * Roles and the disabled flag come from the account, never from the token, at a cost of about one read per user
 * and cache TTL; the first admin comes from the bootstrap token; account writes touch only their fields.
 */
class AccountStateIT extends IngressIntegrationTest {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    @Autowired
    MeterRegistry meters;

    User admin;

    @BeforeAll
    void signInTheAdmin() {
        admin = admin();
    }

    @Test
    void aDemotedAdminLosesAdminRightsAtOnceAlthoughTheTokenSaysAdmin() {
        User deputy = signUp("deputy");
        assertThat(patchUser(deputy.id(), Map.of("roles", List.of("USER", "ADMIN"))).status()).isEqualTo(200);
        // signed in now: the token's roles claim says ADMIN until it expires
        String deputyBearer = "Bearer " + api.post("/api/auth/login", null, ApiClient.json(Map.of("email",
                deputy.email(), "password", "correct horse battery"))).body().get("accessToken").asText();
        assertThat(api.get("/api/admin/users", deputyBearer).status()).isEqualTo(200);

        assertThat(patchUser(deputy.id(), Map.of("roles", List.of("USER"))).status()).isEqualTo(200);

        assertThat(api.get("/api/admin/users", deputyBearer).status()).isEqualTo(403);
        ApiClient.Response repromote = api.patch("/api/admin/users/" + deputy.id(), deputyBearer,
                ApiClient.json(Map.of("roles", List.of("USER", "ADMIN"))));
        assertThat(repromote.status()).isEqualTo(403);
    }

    @Test
    void anAdminCannotChangeTheirOwnRoles() {
        ApiClient.Response own = patchUser(admin.id(), Map.of("roles", List.of("USER", "ADMIN")));
        ApiClient.Response drop = patchUser(admin.id(), Map.of("roles", List.of("USER")));

        assertThat(own.status()).isEqualTo(409);
        assertThat(drop.status()).isEqualTo(409);
        assertThat(api.get("/api/admin/users", admin.bearer()).status()).isEqualTo(200);
    }

    @Test
    void theBootstrapTokenMakesOneAdminOnce() {
        User mallory = signUp("mallory");

        ApiClient.Response wrong = bootstrap(mallory, "not-the-token-but-long-enough-to-be-one-0123456789");
        ApiClient.Response used = bootstrap(mallory, ADMIN_TOKEN);
        ApiClient.Response again = bootstrap(admin, ADMIN_TOKEN);

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(used.status()).as(used.text()).isEqualTo(409);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("roles").toString()).contains("ADMIN");
        assertThat(api.get("/api/admin/users", mallory.bearer()).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/bootstrap", null, ApiClient.json(Map.of("token", ADMIN_TOKEN))).status())
                .isEqualTo(401);
    }

    @Test
    void aBurstOfOneUsersRequestsReadsTheAccountAboutOncePerCacheTtl() {
        User burst = signUp("burst");
        String key = createApiKey(burst, "burst");
        api.get("/api/models", burst.bearer());
        api.get("/api/models", "Bearer " + key);
        double users = commands("users");
        double keys = commands("api_keys");
        long started = System.nanoTime();

        for (int i = 0; i < 50; i++) {
            assertThat(api.get("/api/models", burst.bearer()).status()).isEqualTo(200);
            assertThat(api.get("/api/models", "Bearer " + key).status()).isEqualTo(200);
        }

        long ttls = Duration.ofNanos(System.nanoTime() - started).toMillis() / CACHE_TTL.toMillis() + 1;
        // one read per TTL window the burst spans, for the token and for the key (which also records its last use
        // once); test classes do not run in parallel, so the counts are this burst's
        assertThat(commands("users") - users).isLessThanOrEqualTo(2 * ttls);
        assertThat(commands("api_keys") - keys).isLessThanOrEqualTo(ttls + 1);
    }

    @Test
    void concurrentChangesOfDifferentFieldsAreNotLost() {
        User carol = signUp("carol");
        List<CompletableFuture<ApiClient.Response>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(CompletableFuture.supplyAsync(() -> patchUser(carol.id(),
                    Map.of("roles", List.of("USER", "ADMIN")))));
            String name = "Carol " + i;
            writes.add(CompletableFuture.supplyAsync(() -> api.patch("/api/auth/me", carol.bearer(),
                    ApiClient.json(Map.of("displayName", name)))));
        }
        writes.forEach(CompletableFuture::join);
        assertThat(api.patch("/api/auth/me", carol.bearer(), ApiClient.json(Map.of("displayName", "Carol")))
                .status()).isEqualTo(200);

        JsonNode account = api.get("/api/admin/users/" + carol.id(), admin.bearer()).body();
        assertThat(account.get("roles").toString()).contains("ADMIN");
        assertThat(account.get("displayName").asText()).isEqualTo("Carol");
    }

    private double commands(String collection) {
        return meters.find("mongodb.driver.commands").tag("collection", collection).timers().stream()
                .mapToDouble(Timer::count).sum();
    }

    private ApiClient.Response patchUser(String userId, Map<String, Object> body) {
        return api.patch("/api/admin/users/" + userId, admin.bearer(), ApiClient.json(body));
    }

    private ApiClient.Response bootstrap(User user, String token) {
        return api.post("/api/admin/bootstrap", user.bearer(), ApiClient.json(Map.of("token", token)));
    }
}
