package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on sign-up, sign-in and refresh tokens, against the real stack. Client addresses are set with
 * X-Forwarded-For (the tests' Tomcat trusts it from loopback), so that each scenario has addresses of its own.
 */
class SignInAttacksIT extends IngressIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Test
    void aPasswordLongerThanBcryptTakesIsAValidationProblemNotAServerError() {
        String email = "long-" + System.nanoTime() + "@example.com";
        ApiClient.Response registered = api.post("/api/auth/register", null,
                ApiClient.json(Map.of("email", email, "password", "x".repeat(100))));
        // 72 bytes are fine, and 30 three-byte characters (90 bytes) are not
        ApiClient.Response longest = api.post("/api/auth/register", null,
                ApiClient.json(Map.of("email", email, "password", "y".repeat(72))));
        ApiClient.Response wide = api.post("/api/auth/register", null,
                ApiClient.json(Map.of("email", "wide-" + email, "password", "€".repeat(30))));
        ApiClient.Response login = api.post("/api/auth/login", null,
                ApiClient.json(Map.of("email", email, "password", "z".repeat(100))));

        assertThat(registered.status()).as(registered.text()).isEqualTo(400);
        assertThat(registered.body().get("type").asText()).isEqualTo("urn:parley:problem:validation");
        assertThat(registered.body().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(wide.status()).isEqualTo(400);
        assertThat(login.status()).isEqualTo(400);
    }

    @Test
    void parallelWrongPasswordsAreCountedBeforeTheCheckAndTheOwnerElsewhereStillSignsIn() {
        User ann = signUp("ann");
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            guesses.add(login(ann.email(), "wrong password " + i, "198.51.100.10"));
        }
        List<Integer> statuses = guesses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(35);
        HttpResponse<String> attackerWithThePassword = login(ann.email(), PASSWORD, "198.51.100.10").join();
        assertThat(attackerWithThePassword.statusCode()).isEqualTo(429);
        assertThat(attackerWithThePassword.headers().firstValue("Retry-After")).isPresent();
        // the owner, from their own address, and another user behind the attacker's address
        assertThat(login(ann.email(), PASSWORD, "203.0.113.20").join().statusCode()).isEqualTo(200);
        User bob = signUp("bob");
        assertThat(login(bob.email(), PASSWORD, "198.51.100.10").join().statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        User cat = signUp("cat");
        JsonNode second = refresh(cat.refresh());
        assertThat(second).isNotNull();
        String r2 = second.get("refreshToken").asText();

        ApiClient.Response replayed = api.post("/api/auth/refresh", null,
                ApiClient.json(Map.of("refreshToken", cat.refresh())));

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", r2))).status())
                .isEqualTo(401);
        // another sign-in is another family: untouched
        String other = api.post("/api/auth/login", null, ApiClient.json(Map.of("email", cat.email(),
                "password", PASSWORD))).body().get("refreshToken").asText();
        assertThat(refresh(other)).isNotNull();
    }

    @Test
    void loggingOutEndsTheFamilyOfTheToken() {
        User dan = signUp("dan");
        JsonNode second = refresh(dan.refresh());
        String r2 = second.get("refreshToken").asText();

        ApiClient.Response out = api.post("/api/auth/logout", "Bearer " + second.get("accessToken").asText(),
                ApiClient.json(Map.of("refreshToken", r2)));

        assertThat(out.status()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", r2))).status())
                .isEqualTo(401);
    }

    private JsonNode refresh(String token) {
        ApiClient.Response refreshed = api.post("/api/auth/refresh", null,
                ApiClient.json(Map.of("refreshToken", token)));
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        return refreshed.body();
    }

    private CompletableFuture<HttpResponse<String>> login(String email, String password, String address) {
        return api.http().sendAsync(HttpRequest.newBuilder(api.uri("/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("email", email, "password",
                        password)))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
