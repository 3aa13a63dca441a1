package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Profiles, passwords, account administration and the abuse limits, against the real stack. */
class AccountsIT extends IngressIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    User admin;

    @BeforeAll
    void signInTheAdmin() {
        admin = admin();
    }

    @Test
    void aDisabledAccountLosesItsTokensKeysAndSignInUntilEnabled() {
        User ann = signUp("ann");
        String key = createApiKey(ann, "laptop");

        ApiClient.Response disabled = api.post("/api/admin/users/" + ann.id() + "/disable", admin.bearer(), null);
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.body().get("disabled").asBoolean()).isTrue();

        assertThat(api.get("/api/auth/me", ann.bearer()).status()).isEqualTo(401);
        assertThat(api.get("/api/conversations", "Bearer " + key).status()).isEqualTo(401);
        assertThat(api.get("/v1/models", "Bearer " + key).status()).isEqualTo(401);
        assertThat(refresh(ann.refresh()).status()).isEqualTo(401);
        ApiClient.Response login = login(ann.email(), PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body().get("detail").asText()).isEqualTo("Invalid email or password");

        assertThat(api.post("/api/admin/users/" + ann.id() + "/enable", admin.bearer(), null).status())
                .isEqualTo(200);
        assertThat(api.get("/api/conversations", "Bearer " + key).status()).isEqualTo(200);
        assertThat(login(ann.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountIsDeadAndItsKeysRevoked() {
        User bob = signUp("bob");
        String key = createApiKey(bob, "ci");

        assertThat(api.delete("/api/admin/users/" + bob.id(), admin.bearer()).status()).isEqualTo(204);

        assertThat(api.get("/api/conversations", "Bearer " + key).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", bob.bearer()).status()).isEqualTo(401);
        assertThat(login(bob.email(), PASSWORD).status()).isEqualTo(401);
        JsonNode account = api.get("/api/admin/users/" + bob.id(), admin.bearer()).body();
        assertThat(account.get("deleted").asBoolean()).isTrue();
        assertThat(api.delete("/api/admin/users/" + admin.id(), admin.bearer()).status()).isEqualTo(409);
        assertNotFound(api.get("/api/admin/users/000000000000000000000000", admin.bearer()));
    }

    @Test
    void adminsListAccountsByEmailPrefixNewestFirst() {
        User first = signUp("prefix");
        User second = signUp("prefix");
        String prefix = "prefix-";

        JsonNode page = api.get("/api/admin/users?q=" + prefix + "&size=200", admin.bearer()).body();

        assertThat(page.get("items").findValuesAsString("email")).startsWith(second.email(), first.email())
                .allMatch(email -> email.startsWith(prefix));
        assertThat(api.get("/api/admin/users", first.bearer()).status()).isEqualTo(403);
    }

    @Test
    void changingThePasswordRevokesEveryRefreshToken() {
        User cat = signUp("cat");
        String otherSession = login(cat.email(), PASSWORD).body().get("refreshToken").asText();

        ApiClient.Response wrong = api.post("/api/auth/password", cat.bearer(),
                ApiClient.json(Map.of("currentPassword", "not my password", "newPassword", "a new password")));
        assertThat(wrong.status()).isEqualTo(400);
        ApiClient.Response changed = api.post("/api/auth/password", cat.bearer(),
                ApiClient.json(Map.of("currentPassword", PASSWORD, "newPassword", "a new password")));
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);

        assertThat(refresh(cat.refresh()).status()).isEqualTo(401);
        assertThat(refresh(otherSession).status()).isEqualTo(401);
        assertThat(login(cat.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(login(cat.email(), "a new password").status()).isEqualTo(200);
        ApiClient.Response renamed = api.patch("/api/auth/me", cat.bearer(),
                ApiClient.json(Map.of("displayName", "Kitty")));
        assertThat(renamed.body().get("displayName").asText()).isEqualTo("Kitty");
    }

    @Test
    void repeatedFailedSignInsAreThrottledWithRetryAfter() throws Exception {
        User dan = signUp("dan");
        for (int i = 0; i < 5; i++) {
            assertThat(login(dan.email(), "wrong password").status()).isEqualTo(401);
        }

        HttpResponse<String> throttled = rawLogin(dan.email(), PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(throttled.body()).contains("urn:parley:problem:rate-limited");
    }

    @Test
    void everyReservationCarriesTheUsersLimitOnAnswersInProgress() throws Exception {
        User eve = signUp("eve");
        String conversation = createConversation(eve, null);

        postMessage(eve, conversation, Map.of("content", "Question"));

        // accounting counts the user's reservations and refuses beyond this (a 429 passed on, see AccountingIT)
        assertThat(AccountingStub.reservations()).filteredOn(
                        call -> call.body().get("userId").asString().equals(eve.id()))
                .singleElement().satisfies(call -> assertThat(call.body().get("maxConcurrent").asInt()).isEqualTo(8));
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWithoutADeclaredLength() throws Exception {
        User fay = signUp("fay");
        byte[] body = completion(1_100_000);
        // /v1 takes up to 8 MB (images as data URLs): beyond it
        byte[] completion = completion(8_500_000);

        // an input stream publisher has no length: the body goes chunked
        HttpResponse<String> chunked = api.http().send(HttpRequest.newBuilder(api.uri("/v1/chat/completions"))
                .header("Authorization", fay.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(completion))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> declared = api.http().send(HttpRequest.newBuilder(api.uri(messagesPath("c1")))
                .header("Authorization", fay.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("invalid_request_error");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("urn:parley:problem:payload-too-large");
    }

    private static byte[] completion(int characters) {
        return ("{\"model\":\"mock-1\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(characters)
                + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private ApiClient.Response login(String email, String password) {
        return api.post("/api/auth/login", null, ApiClient.json(Map.of("email", email, "password", password)));
    }

    private ApiClient.Response refresh(String refreshToken) {
        return api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", refreshToken)));
    }

    private HttpResponse<String> rawLogin(String email, String password) throws Exception {
        return api.http().send(HttpRequest.newBuilder(api.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("email", email, "password",
                        password)))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
