package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import tools.jackson.databind.JsonNode;

/**
 * Users an outside system created (no password) get in: a one-time, expiring set-password link, and API keys the
 * integration or an admin issues for them.
 */
class UserAccessIT extends IngressIntegrationTest {

    static final String PASSWORD = "a brand new password";

    @Test
    void anIntegrationUserSetsAPasswordWithALinkOnceAndSignsIn() {
        String externalId = "ext-" + UUID.randomUUID();
        String userId = quota(externalId).get("userId").asText();
        String email = externalId + "@host.example";

        ApiClient.Response noEmail = link(externalId, Map.of());
        assertThat(noEmail.status()).as(noEmail.text()).isEqualTo(409);
        ApiClient.Response issued = link(externalId, Map.of("email", email));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.body().get("token").asText();
        assertThat(issued.body().get("userId").asText()).isEqualTo(userId);
        assertThat(issued.body().get("url").asText()).endsWith("/#/set-password/" + token);

        ApiClient.Response set = setPassword(token, PASSWORD);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        String bearer = "Bearer " + set.body().get("accessToken").asText();
        assertThat(api.get("/api/auth/me", bearer).body().get("id").asText()).isEqualTo(userId);
        ApiClient.Response login = api.post("/api/auth/login", null,
                ApiClient.json(Map.of("email", email, "password", PASSWORD)));
        assertThat(login.status()).isEqualTo(200);

        ApiClient.Response again = setPassword(token, "another password entirely");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body().get("type").asText()).isEqualTo("urn:parley:problem:unauthorized");
        assertThat(link(externalId, Map.of("email", "other-" + email)).status()).isEqualTo(409);
        assertThat(link("ext-unknown-" + UUID.randomUUID(), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkSetsNothing() {
        String externalId = "ext-" + UUID.randomUUID();
        quota(externalId);
        String token = link(externalId, Map.of("email", externalId + "@host.example")).body().get("token").asText();
        try (var mongo = MongoClients.create(INFRA.mongoUri())) {
            mongo.getDatabase(DATABASE).getCollection("password_links").updateOne(Filters.eq("_id", sha256(token)),
                    Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        }

        assertThat(setPassword(token, PASSWORD).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, ApiClient.json(Map.of("email", externalId + "@host.example",
                "password", PASSWORD))).status()).isEqualTo(401);
    }

    @Test
    void theIntegrationIssuesListsAndRevokesAUsersApiKeys() {
        String externalId = "ext-" + UUID.randomUUID();
        String userId = quota(externalId).get("userId").asText();
        String keys = "/api/integrations/users/" + externalId + "/keys";

        ApiClient.Response issued = api.post(keys, integration(), ApiClient.json(Map.of("name", "host's worker")));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String key = "Bearer " + issued.body().get("key").asText();
        assertThat(api.get("/api/auth/me", key).body().get("id").asText()).isEqualTo(userId);
        assertThat(api.get(keys, integration()).body()).hasSize(1);

        assertThat(api.delete(keys + "/" + issued.body().get("id").asText(), integration()).status()).isEqualTo(204);
        assertThat(api.get("/api/auth/me", key).status()).isEqualTo(401);
        assertThat(api.post("/api/integrations/users/nobody-" + UUID.randomUUID() + "/keys", integration(),
                ApiClient.json(Map.of("name", "k"))).status()).isEqualTo(404);
        assertThat(api.post(keys, signUp("mallory").bearer(), ApiClient.json(Map.of("name", "k"))).status())
                .isEqualTo(401);
    }

    @Test
    void anAdminIssuesKeysAndLinksForAUserAndNobodyElseCan() {
        User admin = admin();
        User ann = signUp("ann");
        User bob = signUp("bob");
        String keys = "/api/admin/users/" + ann.id() + "/keys";

        ApiClient.Response issued = api.post(keys, admin.bearer(), ApiClient.json(Map.of("name", "for ann")));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String keyId = issued.body().get("id").asText();
        assertThat(api.get("/api/keys", ann.bearer()).body().get(0).get("id").asText()).isEqualTo(keyId);
        assertThat(api.post(keys, bob.bearer(), ApiClient.json(Map.of("name", "mine now"))).status()).isEqualTo(403);
        assertThat(api.delete("/api/admin/users/" + bob.id() + "/keys/" + keyId, admin.bearer()).status())
                .as("another user's key").isEqualTo(404);
        assertThat(api.post("/api/admin/users/no-such-user/keys", admin.bearer(),
                ApiClient.json(Map.of("name", "k"))).status()).isEqualTo(404);

        JsonNode link = api.post("/api/admin/users/" + ann.id() + "/password-link", admin.bearer(), "{}").body();
        assertThat(link.get("email").asText()).isEqualTo(ann.email());
        assertThat(setPassword(link.get("token").asText(), PASSWORD).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", null, ApiClient.json(Map.of("refreshToken", ann.refresh())))
                .status()).as("the other sessions ended").isEqualTo(401);
    }

    private JsonNode quota(String externalId) {
        ApiClient.Response created = api.put("/api/integrations/users/" + externalId + "/quota", integration(),
                ApiClient.json(Map.of("balance", 1000)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private ApiClient.Response link(String externalId, Map<String, Object> body) {
        return api.post("/api/integrations/users/" + externalId + "/password-link", integration(),
                ApiClient.json(body));
    }

    private ApiClient.Response setPassword(String token, String password) {
        return api.post("/api/auth/password-link", null, ApiClient.json(Map.of("token", token, "password", password)));
    }

    private static String integration() {
        return "Bearer " + INTEGRATION_TOKEN;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
