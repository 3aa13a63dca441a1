package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClients;

import dev.parley.events.ChatRequested;
import dev.parley.events.ModelPriced;
import dev.parley.events.ProviderKind;
import dev.parley.events.Topics;
import dev.parley.platform.crypto.KeyRing;
import tools.jackson.databind.JsonNode;

/** The provider catalog through the API: admin changes, what users may use, and what a request carries. */
class CatalogIT extends IngressIntegrationTest {

    static final String PROVIDERS = "/api/providers";
    static final String LAB_URL = "http://10.20.0.7/v1";
    static final String LAB_KEY = "sk-lab-server-key-9876";

    User admin;

    @BeforeAll
    void signInTheAdmin() {
        admin = admin();
    }

    @AfterEach
    void removeTheProvidersTestsAdded() {
        // the catalog is shared by every test class of this context: leave only the built-ins
        for (JsonNode provider : api.get(PROVIDERS, admin.bearer()).body()) {
            if (!provider.get("builtIn").asBoolean()) {
                assertThat(api.delete(PROVIDERS + "/" + provider.get("name").asText(), admin.bearer()).status())
                        .isEqualTo(204);
            }
        }
    }

    static Map<String, Object> model(String id, int contextWindow, int maxOutputTokens, long price) {
        return Map.of("id", id, "contextWindow", contextWindow, "maxOutputTokens", maxOutputTokens,
                "prices", Map.of("input", price, "output", price * 2, "cachedInput", price / 2));
    }

    JsonNode createLab() {
        ApiClient.Response created = api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "lab",
                "kind", "openai-compatible", "baseUrl", LAB_URL, "apiKey", LAB_KEY,
                "models", List.of(model("lab/llama-3", 32000, 2000, 300_000)))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(LAB_KEY);
        return created.body();
    }

    @Test
    void adminsManageProvidersAndEveryoneElseIsRefused() {
        User una = signUp("una");
        assertThat(api.get(PROVIDERS, una.bearer()).status()).isEqualTo(403);
        assertThat(api.post(PROVIDERS, una.bearer(), ApiClient.json(Map.of("name", "x", "kind", "mock"))).status())
                .isEqualTo(403);
        assertThat(api.delete(PROVIDERS + "/mock", una.bearer()).status()).isEqualTo(403);

        JsonNode builtIns = api.get(PROVIDERS, admin.bearer()).body();
        assertThat(builtIns.get(0).get("name").asText()).isEqualTo("mock");
        assertThat(builtIns.get(0).get("usable").asBoolean()).isTrue();
        assertThat(builtIns.get(1).get("name").asText()).isEqualTo("openai");
        assertThat(builtIns.get(1).get("usable").asBoolean()).isFalse();

        JsonNode lab = createLab();
        assertThat(lab.get("hasApiKey").asBoolean()).isTrue();
        assertThat(lab.get("apiKeyLast4").asText()).isEqualTo("9876");
        assertThat(lab.get("usable").asBoolean()).isTrue();
        assertThat(api.get(PROVIDERS + "/lab", admin.bearer()).text()).doesNotContain(LAB_KEY);

        assertProblem(api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "lab", "kind", "mock"))),
                409, "conflict");
        assertProblem(api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "copy", "kind", "mock",
                "models", List.of(model("mock-1", 8192, 1024, 1))))), 409, "conflict");
        assertProblem(api.delete(PROVIDERS + "/mock", admin.bearer()), 409, "catalog-read-only");
        assertProblem(api.put(PROVIDERS + "/openai", admin.bearer(), ApiClient.json(Map.of("kind", "openai",
                "baseUrl", "http://10.20.0.9/v1"))), 409, "catalog-read-only");
        assertProblem(api.put(PROVIDERS + "/lab", admin.bearer(), ApiClient.json(Map.of("kind", "openai-compatible",
                "baseUrl", LAB_URL, "version", 7))), 409, "conflict");
        assertNotFound(api.get(PROVIDERS + "/ghost", admin.bearer()));
        assertNotFound(api.delete(PROVIDERS + "/ghost", admin.bearer()));
        ApiClient.Response invalid = api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "Bad Name",
                "kind", "openai-compatible")));
        assertProblem(invalid, 400, "validation");
        assertThat(invalid.text()).contains("\"name\"");
        ApiClient.Response noAddress = api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "far",
                "kind", "openai-compatible")));
        assertProblem(noAddress, 400, "validation");
        assertThat(noAddress.text()).contains("\"baseUrl\"");
    }

    @Test
    void baseUrlsOfInternalAddressesAreRefusedUnlessTheOperatorAllowedTheNetwork() {
        for (String url : List.of("http://169.254.169.254/", "http://127.0.0.2:1234/v1", "http://10.0.0.5/v1")) {
            ApiClient.Response refused = api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "local",
                    "kind", "openai-compatible", "baseUrl", url)));
            assertProblem(refused, 400, "outbound-address-refused");
            assertThat(refused.body().get("detail").asText()).contains("internal address");
        }
        assertNotFound(api.get(PROVIDERS + "/local", admin.bearer()));
        // 10.20.0.0/16 is allowed by parley.outbound.allowed-networks in this test's configuration
        assertThat(createLab().get("baseUrl").asText()).isEqualTo(LAB_URL);
    }

    @Test
    void modelIdsWithSlashesWorkEncodedAndAsTheRestOfThePath() {
        createLab();
        Map<String, Object> limits = Map.of("contextWindow", 16000, "maxOutputTokens", 1000,
                "prices", Map.of("input", 1, "output", 2, "cachedInput", 1));

        ApiClient.Response encoded = api.put(PROVIDERS + "/lab/models/lab%2Fmistral-7b", admin.bearer(),
                ApiClient.json(limits));
        assertThat(encoded.status()).as(encoded.text()).isEqualTo(200);
        ApiClient.Response both = api.put(PROVIDERS + "/lab/models/lab/qwen/2.5", admin.bearer(),
                ApiClient.json(limits));
        assertThat(both.status()).as(both.text()).isEqualTo(200);
        assertThat(both.body().get("models")).extracting(model -> model.get("id").asText())
                .containsExactly("lab/llama-3", "lab/mistral-7b", "lab/qwen/2.5");

        assertThat(api.delete(PROVIDERS + "/lab/models/lab/mistral-7b", admin.bearer()).status()).isEqualTo(200);
        ApiClient.Response removed = api.delete(PROVIDERS + "/lab/models/lab%2Fqwen%2F2.5", admin.bearer());
        assertThat(removed.body().get("models")).extracting(model -> model.get("id").asText())
                .containsExactly("lab/llama-3");
        assertNotFound(api.delete(PROVIDERS + "/lab/models/lab%2Fqwen%2F2.5", admin.bearer()));
    }

    @Test
    void anAdminProvidersRequestCarriesItsEndpointAndTheServerKeyUnlessTheUserHasOwn() {
        createLab();
        User vic = signUp("vic");
        String conversation = createConversation(vic, null);

        String requestId = postMessage(vic, conversation, Map.of("content", "Hi", "model", "lab/llama-3"))
                .get("requestId").asText();
        ChatRequested request = awaitChatRequested(requestId);

        assertThat(request.getProvider()).isEqualTo("lab");
        assertThat(request.getEndpoint().getProviderKind()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
        assertThat(request.getEndpoint().getKind()).as("for readers that predate providerKind")
                .isEqualTo("openai-compatible");
        assertThat(request.getEndpoint().getBaseUrl()).isEqualTo(LAB_URL);
        assertThat(request.getOwnKey()).isFalse();
        assertThat(open(request, vic)).isEqualTo(LAB_KEY);
        JsonNode reservation = ProviderKeyIT.reservation(requestId);
        assertThat(reservation.get("ownKey").asBoolean()).isFalse();
        assertThat(reservation.get("maxOutputTokens").asLong()).isEqualTo(2000);
        assertThat(reservation.has("price")).as("prices reach accounting on catalog.prices only").isFalse();

        String own = "sk-vic-own-lab-key-5555";
        assertThat(api.put("/api/me/provider-keys/lab", vic.bearer(), ApiClient.json(Map.of("apiKey", own)))
                .status()).isEqualTo(200);
        ChatRequested mine = awaitChatRequested(postMessage(vic, conversation, Map.of("content", "Again",
                "model", "lab/llama-3")).get("requestId").asText());
        assertThat(mine.getOwnKey()).isTrue();
        assertThat(open(mine, vic)).isEqualTo(own);
        assertThat(mine.getEndpoint().getBaseUrl()).isEqualTo(LAB_URL);

        ChatRequested builtIn = awaitChatRequested(postMessage(vic, conversation, Map.of("content", "Mock?"))
                .get("requestId").asText());
        assertThat(builtIn.getEndpoint()).isNull();
        assertThat(builtIn.getProviderCredential()).isNull();
    }

    /**
     * Issue 10, item 4: a server the operator runs (OpenAI-compatible, no server key: vLLM, Ollama) takes no own key,
     * and one stored while the admin allowed it is ignored once they no longer do: the request runs as the operator's
     * and is reserved and debited.
     */
    @Test
    void aSelfHostedProviderTakesNoOwnKeyAndItsRequestsAreAlwaysDebited() {
        Map<String, Object> farm = Map.of("name", "farm", "kind", "openai-compatible", "baseUrl", "http://10.20.0.8/v1",
                "models", List.of(model("farm/llama", 32000, 2000, 300_000)));
        ApiClient.Response created = api.post(PROVIDERS, admin.bearer(), ApiClient.json(farm));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("ownKeys").asBoolean()).isFalse();
        User yan = signUp("yan");
        ApiClient.Response refused = api.put("/api/me/provider-keys/farm", yan.bearer(),
                ApiClient.json(Map.of("apiKey", "sk-yan-anything-1234")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);

        Map<String, Object> allowing = new java.util.HashMap<>(farm);
        allowing.put("ownKeys", true);
        assertThat(api.put(PROVIDERS + "/farm", admin.bearer(), ApiClient.json(allowing)).status()).isEqualTo(200);
        assertThat(api.put("/api/me/provider-keys/farm", yan.bearer(),
                ApiClient.json(Map.of("apiKey", "sk-yan-anything-1234"))).status()).isEqualTo(200);
        assertThat(api.put(PROVIDERS + "/farm", admin.bearer(), ApiClient.json(farm)).status()).isEqualTo(200);

        String conversation = createConversation(yan, null);
        String requestId = postMessage(yan, conversation, Map.of("content", "Hi", "model", "farm/llama"))
                .get("requestId").asText();
        ChatRequested request = awaitChatRequested(requestId);
        assertThat(request.getOwnKey()).isFalse();
        assertThat(request.getProviderCredential()).isNull();
        assertThat(ProviderKeyIT.reservation(requestId).get("ownKey").asBoolean()).isFalse();
    }

    @Test
    void modelsOnlyAnOwnKeyUnlocksAreListedAndUsableAsConversationDefaults() {
        ApiClient.Response created = api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "closed",
                "kind", "openai", "models", List.of(model("closed-1", 128000, 4096, 10)))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("usable").asBoolean()).isFalse();
        User wes = signUp("wes");
        User xia = signUp("xia");
        api.put("/api/me/provider-keys/closed", wes.bearer(), ApiClient.json(Map.of("apiKey", "sk-wes-closed-1234")));

        JsonNode models = api.get("/api/models", wes.bearer()).body();
        JsonNode closed = find(models, "closed-1");
        assertThat(closed.get("ownKey").asBoolean()).isTrue();
        assertThat(closed.get("provider").asText()).isEqualTo("closed");
        assertThat(closed.get("contextWindow").asInt()).isEqualTo(128000);
        assertThat(closed.get("maxOutputTokens").asInt()).isEqualTo(4096);
        assertThat(closed.get("prices").get("output").asLong()).isEqualTo(20);
        assertThat(find(models, "mock-1").get("ownKey").asBoolean()).isFalse();
        assertThat(ids(api.get("/v1/models", wes.bearer()).body().get("data"))).contains("closed-1", "mock-1");
        assertThat(ids(api.get("/api/models", xia.bearer()).body())).doesNotContain("closed-1");
        assertThat(ids(api.get("/v1/models", xia.bearer()).body().get("data"))).doesNotContain("closed-1");

        ApiClient.Response conversation = api.post("/api/conversations", wes.bearer(),
                ApiClient.json(Map.of("model", "closed-1")));
        assertThat(conversation.status()).as(conversation.text()).isEqualTo(201);
        assertThat(conversation.body().get("model").asText()).isEqualTo("closed-1");
        assertProblem(api.post("/api/conversations", xia.bearer(), ApiClient.json(Map.of("model", "closed-1"))),
                400, "model-unknown");
        String xias = createConversation(xia, null);
        assertProblem(api.patch("/api/conversations/" + xias, xia.bearer(), ApiClient.json(Map.of("model",
                "closed-1"))), 400, "model-unknown");
        String weses = createConversation(wes, null);
        assertThat(api.patch("/api/conversations/" + weses, wes.bearer(), ApiClient.json(Map.of("model",
                "closed-1"))).status()).isEqualTo(200);
    }

    @Test
    void aConversationWhoseDefaultModelWasDeletedGetsAClearProblem() {
        createLab();
        User yan = signUp("yan");
        ApiClient.Response conversation = api.post("/api/conversations", yan.bearer(),
                ApiClient.json(Map.of("model", "lab/llama-3")));
        assertThat(conversation.status()).isEqualTo(201);

        assertThat(api.delete(PROVIDERS + "/lab", admin.bearer()).status()).isEqualTo(204);

        assertThat(ids(api.get("/api/models", yan.bearer()).body())).doesNotContain("lab/llama-3");
        assertProblem(api.post(messagesPath(conversation.body().get("id").asText()), yan.bearer(),
                ApiClient.json(Map.of("content", "Still there?"))), 400, "model-unknown");
    }

    @Test
    void theCatalogIsTheSourceOfPricesAndPublishesThemOnTheCompactedTopic() {
        // the seeded prices and the default, published at startup
        awaitPrice("mock-1", ModelPriced::getInput, 1_000_000);
        awaitPrice("claude-sonnet-4-5", ModelPriced::getOutput, 15_000_000);
        awaitPrice(Topics.DEFAULT_PRICE_KEY, ModelPriced::getInput, 1_000_000);
        assertThat(((ModelPriced) kafka.latestByKey(Topics.CATALOG_PRICES).get("mock-1")).getProvider())
                .isEqualTo("mock");

        createLab();
        awaitPrice("lab/llama-3", ModelPriced::getInput, 300_000);

        ApiClient.Response changed = api.put("/api/admin/prices", admin.bearer(), ApiClient.json(Map.of(
                "model", "lab/llama-3", "input", 111, "output", 222, "cachedInput", 55)));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(api.get(PROVIDERS + "/lab", admin.bearer()).body().get("models").get(0).get("prices")
                .get("output").asLong()).isEqualTo(222);
        awaitPrice("lab/llama-3", ModelPriced::getOutput, 222);
        assertNotFound(api.put("/api/admin/prices", admin.bearer(), ApiClient.json(Map.of("model", "gpt-99",
                "input", 1, "output", 1, "cachedInput", 1))));

        assertThat(api.delete(PROVIDERS + "/lab", admin.bearer()).status()).isEqualTo(204);
        await().until(() -> !kafka.latestByKey(Topics.CATALOG_PRICES).containsKey("lab/llama-3"));
    }

    @Test
    void limitsOfTheModelAreProblemsBeforeAnythingIsReservedOrPublished() {
        api.post(PROVIDERS, admin.bearer(), ApiClient.json(Map.of("name", "small", "kind", "mock",
                "models", List.of(model("small-1", 600, 100, 1)))));
        User zed = signUp("zed");
        String conversation = createConversation(zed, null);
        long published = kafka.endOffsetSum(Topics.CHAT_REQUESTS);

        ApiClient.Response tooMuchOutput = api.post(messagesPath(conversation), zed.bearer(),
                ApiClient.json(Map.of("content", "Hi", "model", "small-1", "maxTokens", 101)));
        assertProblem(tooMuchOutput, 400, "validation");
        assertThat(tooMuchOutput.text()).contains("maxTokens");
        ApiClient.Response tooLong = api.post(messagesPath(conversation), zed.bearer(),
                ApiClient.json(Map.of("content", "word ".repeat(600), "model", "small-1")));
        assertProblem(tooLong, 400, "context-window-exceeded");
        assertThat(tooLong.body().get("contextWindow").asInt()).isEqualTo(600);
        assertThat(tooLong.body().get("maxOutputTokens").asInt()).isEqualTo(100);
        assertThat(tooLong.body().get("inputTokens").asLong()).isGreaterThan(500);

        String zedKey = "Bearer " + createApiKey(zed, "sdk");
        ApiClient.Response openAi = api.post("/v1/chat/completions", zedKey, ApiClient.json(Map.of("model",
                "small-1", "messages", List.of(Map.of("role", "user", "content", "word ".repeat(600))))));
        assertThat(openAi.status()).isEqualTo(400);
        assertThat(openAi.body().get("error").get("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(openAi.body().get("error").get("type").asText()).isEqualTo("invalid_request_error");

        assertThat(kafka.endOffsetSum(Topics.CHAT_REQUESTS)).isEqualTo(published);
        assertThat(AccountingStub.calls("POST", "/internal/reservations"))
                .noneMatch(call -> call.body().get("userId").asText().equals(zed.id()));
    }

    @Test
    void anotherInstancesWriteArrivesWithTheRefreshAndItsAddressIsCheckedAgainAtPostTime() {
        // written straight into the collection, as another instance (or a changed DNS answer) would leave it
        Date now = new Date();
        try (var mongo = MongoClients.create(INFRA.mongoUri())) {
            mongo.getDatabase(DATABASE).getCollection("providers").insertOne(new Document("_id", "rebound")
                    .append("kind", "openai-compatible").append("baseUrl", "http://10.30.0.1/v1")
                    .append("enabled", true).append("builtIn", false)
                    .append("models", List.of(new Document("id", "rebound-1").append("contextWindow", 8192)
                            .append("maxOutputTokens", 512).append("enabled", true).append("prices",
                                    new Document("input", 1L).append("output", 1L).append("cachedInput", 1L))))
                    .append("createdAt", now).append("updatedAt", now).append("version", 0L));
        }
        User amy = signUp("amy");
        await().until(() -> ids(api.get("/api/models", amy.bearer()).body()).contains("rebound-1"));
        String conversation = createConversation(amy, null);
        long published = kafka.endOffsetSum(Topics.CHAT_REQUESTS);

        ApiClient.Response refused = api.post(messagesPath(conversation), amy.bearer(),
                ApiClient.json(Map.of("content", "Hi", "model", "rebound-1")));

        assertProblem(refused, 400, "outbound-address-refused");
        assertThat(kafka.endOffsetSum(Topics.CHAT_REQUESTS)).isEqualTo(published);
        assertThat(AccountingStub.calls("POST", "/internal/reservations"))
                .noneMatch(call -> call.body().get("userId").asText().equals(amy.id()));
        assertThat(api.get(messagesPath(conversation), amy.bearer()).body().get("total").asLong()).isZero();
    }

    void awaitPrice(String model, java.util.function.ToLongFunction<ModelPriced> field, long value) {
        await().until(() -> kafka.latestByKey(Topics.CATALOG_PRICES).get(model) instanceof ModelPriced price
                && field.applyAsLong(price) == value);
    }

    static String open(ChatRequested request, User user) {
        var credential = request.getProviderCredential();
        var sealed = new KeyRing.Sealed(credential.getKeyVersion(), ProviderKeyIT.bytes(credential.getIv()),
                ProviderKeyIT.bytes(credential.getCiphertext()));
        return new String(KeyRing.parse(TRANSPORT_KEYS).open(sealed, request.getRequestId() + ":" + user.id() + ":"
                + request.getProvider()), StandardCharsets.UTF_8);
    }

    static void assertProblem(ApiClient.Response response, int status, String kind) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:parley:problem:" + kind);
    }

    static JsonNode find(JsonNode models, String id) {
        for (JsonNode model : models) {
            if (model.get("id").asText().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("no model " + id + " in " + models);
    }

    static List<String> ids(JsonNode models) {
        List<String> ids = new ArrayList<>();
        models.forEach(model -> ids.add(model.get("id").asText()));
        return ids;
    }
}
