package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import dev.parley.events.ChatRequested;
import dev.parley.platform.crypto.KeyRing;
import tools.jackson.databind.JsonNode;

/** Own provider keys: stored sealed, listed masked, sent to the worker sealed for one request, owner-only. */
class ProviderKeyIT extends IngressIntegrationTest {

    static final String KEYS = "/api/me/provider-keys";

    @Test
    void storedKeyIsSealedAndListedMasked() {
        User una = signUp("una");
        String key = "sk-una-" + "s3cr3t".repeat(4) + "WXYZ";

        JsonNode stored = put(una, "openai", key);

        assertThat(stored.get("masked").asText()).isEqualTo("…WXYZ");
        assertThat(stored.get("keyVersion").asInt()).isEqualTo(1);
        assertThat(stored.has("updatedAt")).isTrue();
        Document document = providerKeys(collection -> collection.find(new Document("_id", una.id() + ":openai"))
                .first());
        assertThat(document.toJson()).doesNotContain(key).doesNotContain("s3cr3t");
        assertThat(document.get("ciphertext", Binary.class).getData()).isNotEmpty();
        JsonNode listed = api.get(KEYS, una.bearer()).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("provider").asText()).isEqualTo("openai");
        assertThat(listed.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aKeyUnlocksItsDisabledProviderAndTravelsSealedForTheRequest() {
        User vic = signUp("vic");
        User wes = signUp("wes");
        String key = "sk-vic-transport-" + "q".repeat(20);
        put(vic, "openai", key);

        assertThat(modelIds(vic)).contains("gpt-4o-mini", "mock-1");
        assertThat(modelIds(wes)).doesNotContain("gpt-4o-mini");
        ApiClient.Response refused = api.post(messagesPath(createConversation(wes, null)), wes.bearer(),
                ApiClient.json(Map.of("content", "Hi", "model", "gpt-4o-mini")));
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:model-unknown");

        String requestId = postMessage(vic, createConversation(vic, null),
                Map.of("content", "Hi", "model", "gpt-4o-mini")).get("requestId").asText();
        ChatRequested request = awaitChatRequested(requestId);

        assertThat(request.getOwnKey()).isTrue();
        var credential = request.getProviderCredential();
        var sealed = new KeyRing.Sealed(credential.getKeyVersion(), bytes(credential.getIv()),
                bytes(credential.getCiphertext()));
        KeyRing transport = KeyRing.parse(TRANSPORT_KEYS);
        String aad = requestId + ":" + vic.id() + ":openai";
        assertThat(new String(transport.open(sealed, aad), StandardCharsets.UTF_8)).isEqualTo(key);
        assertThatThrownBy(() -> transport.open(sealed, requestId + ":" + wes.id() + ":openai"))
                .isInstanceOf(KeyRing.CryptoException.class);
        assertThat(new String(bytes(toBytes(request)), StandardCharsets.ISO_8859_1)).doesNotContain(key);
        assertThat(reservation(requestId).get("ownKey").asBoolean()).isTrue();
    }

    @Test
    void aRequestToAnotherProviderRunsOnTheServersKey() {
        User xia = signUp("xia");
        put(xia, "openai", "sk-xia-" + "z".repeat(20));

        String requestId = postMessage(xia, createConversation(xia, null), Map.of("content", "Hi"))
                .get("requestId").asText();

        ChatRequested request = awaitChatRequested(requestId);
        assertThat(request.getOwnKey()).isFalse();
        assertThat(request.getProviderCredential()).isNull();
        assertThat(reservation(requestId).get("ownKey").asBoolean()).isFalse();
    }

    @Test
    void aCiphertextMovedToAnotherUserDoesNotOpen() {
        User yan = signUp("yan");
        User zoe = signUp("zoe");
        put(yan, "openai", "sk-yan-" + "m".repeat(20));
        Document yans = providerKeys(collection -> collection.find(new Document("_id", yan.id() + ":openai")).first());
        providerKeys(collection -> collection.insertOne(new Document(yans).append("_id", zoe.id() + ":openai")
                .append("userId", zoe.id())));

        ApiClient.Response refused = api.post(messagesPath(createConversation(zoe, null)), zoe.bearer(),
                ApiClient.json(Map.of("content", "Hi", "model", "gpt-4o-mini")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:conflict");
    }

    @Test
    void onlyTheOwnerDeletesAndUnknownProvidersAreRefused() {
        User ada = signUp("ada");
        User bob = signUp("bob");
        put(ada, "anthropic", "sk-ant-" + "a".repeat(20));

        assertNotFound(api.delete(KEYS + "/anthropic", bob.bearer()));
        assertThat(api.get(KEYS, ada.bearer()).body()).hasSize(1);
        assertThat(api.delete(KEYS + "/anthropic", ada.bearer()).status()).isEqualTo(204);
        assertNotFound(api.delete(KEYS + "/anthropic", ada.bearer()));
        assertThat(api.get(KEYS, ada.bearer()).body()).isEmpty();
        for (String provider : List.of("mock", "acme")) {
            ApiClient.Response refused = api.put(KEYS + "/" + provider, ada.bearer(),
                    ApiClient.json(Map.of("apiKey", "sk-" + "b".repeat(20))));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:validation");
        }
    }

    JsonNode put(User user, String provider, String key) {
        ApiClient.Response stored = api.put(KEYS + "/" + provider, user.bearer(),
                ApiClient.json(Map.of("apiKey", key)));
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        assertThat(stored.text()).doesNotContain(key);
        return stored.body();
    }

    List<String> modelIds(User user) {
        List<String> ids = new ArrayList<>();
        api.get("/api/models", user.bearer()).body().forEach(model -> ids.add(model.get("id").asText()));
        return ids;
    }

    static JsonNode reservation(String requestId) {
        return AccountingStub.reservations().stream()
                .filter(call -> call.body().get("reservationId").asText().equals(requestId))
                .findFirst().orElseThrow().body();
    }

    static ByteBuffer toBytes(ChatRequested request) {
        try {
            return request.toByteBuffer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static <T> T providerKeys(Function<MongoCollection<Document>, T> action) {
        try (var mongo = MongoClients.create(INFRA.mongoUri())) {
            return action.apply(mongo.getDatabase(DATABASE).getCollection("provider_keys"));
        }
    }
}
