package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;

/** Personal API keys through the running service: shown once, stored hashed, usable as bearer tokens, revocable. */
class ApiKeyIT extends IngressIntegrationTest {

    @Test
    void keyIsShownOnceStoredHashedAndAuthenticatesAsItsOwner() throws Exception {
        User gil = signUp("gil");
        ApiClient.Response created = api.post("/api/keys", gil.bearer(), ApiClient.json(Map.of("name", "laptop",
                "expiresAt", Instant.now().plusSeconds(3600).toString())));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        String key = body.get("key").asText();
        assertThat(key).startsWith(body.get("prefix").asText() + "_").matches("pk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        assertThat(body.get("name").asText()).isEqualTo("laptop");
        assertThat(body.has("createdAt")).isTrue();
        assertThat(body.has("expiresAt")).isTrue();

        Document stored = storedKey(body.get("id").asText());
        assertThat(stored.getString("hash")).isEqualTo(sha256(key));
        assertThat(stored.toJson()).doesNotContain(key.substring(body.get("prefix").asText().length() + 1));

        JsonNode me = api.get("/api/auth/me", "Bearer " + key).body();
        assertThat(me.get("id").asText()).isEqualTo(gil.id());
        JsonNode listed = api.get("/api/keys", "Bearer " + key).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("prefix").asText()).isEqualTo(body.get("prefix").asText());
        assertThat(listed.get(0).get("revoked").asBoolean()).isFalse();
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(listed.get(0).has("hash")).isFalse();
    }

    @Test
    void revokedOrUnknownKeysAreRefusedAndRevokedKeysStayListed() {
        User hal = signUp("hal");
        String key = createApiKey(hal, "ci");
        String id = api.get("/api/keys", hal.bearer()).body().get(0).get("id").asText();

        assertThat(api.delete("/api/keys/" + id, hal.bearer()).status()).isEqualTo(204);
        assertThat(api.delete("/api/keys/" + id, hal.bearer()).status()).isEqualTo(204);

        ApiClient.Response refused = api.get("/api/conversations", "Bearer " + key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:unauthorized");
        assertThat(api.get("/api/conversations", "Bearer pk_00000000_unknown").status()).isEqualTo(401);
        assertThat(api.get("/api/keys", hal.bearer()).body().get(0).get("revoked").asBoolean()).isTrue();
        assertThat(api.delete("/api/keys/does-not-exist", hal.bearer()).status()).isEqualTo(404);
    }

    @Test
    void aKeyCannotBeCreatedAlreadyExpired() {
        User ida = signUp("ida");
        ApiClient.Response refused = api.post("/api/keys", ida.bearer(), ApiClient.json(Map.of("name", "old",
                "expiresAt", "2000-01-01T00:00:00Z")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:validation");
        assertThat(api.get("/api/keys", ida.bearer()).body()).isEmpty();
    }

    static Document storedKey(String id) {
        try (var mongo = MongoClients.create(INFRA.mongoUri())) {
            return mongo.getDatabase(DATABASE).getCollection("api_keys")
                    .find(new Document("_id", new org.bson.types.ObjectId(id))).first();
        }
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
