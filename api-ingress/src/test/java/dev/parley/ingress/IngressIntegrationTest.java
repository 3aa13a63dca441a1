package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.RSAKey;

import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import dev.parley.ingress.sso.OutsideTokens;
import dev.parley.platform.crypto.KeyRing;
import dev.parley.testing.TestInfrastructure;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * The service against the real broker, registry and MongoDB, with the test playing the worker on the topics
 * and usage-accounting's internal API stubbed. Subclasses share one application context (same configuration),
 * so the service starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngressIntegrationTest {

    static final String DATABASE = "ingress-it";

    static final TestInfrastructure.Endpoints INFRA = TestInfrastructure.start();
    static final String ADMIN_EMAIL = "root@admin.test";
    static final String INTEGRATION_TOKEN = "integration-token-for-tests";
    static final String ADMIN_TOKEN = "admin-bootstrap-token-for-the-tests-0123456789";
    static final MockWebServer ACCOUNTING = new MockWebServer();
    /** A host product's identity provider: its JWKS (see {@link SsoIT}). */
    static final MockWebServer IDENTITY_PROVIDER = new MockWebServer();
    static final RSAKey IDP_KEY = OutsideTokens.rsaKey("idp-key-1");
    static final String SSO_ISSUER = "https://host.example";
    static final String SSO_AUDIENCE = "parley-at-host";
    static final String SSO_SECRET = "the-host-products-shared-secret-32+bytes";
    static final String IDP_ISSUER = "https://idp.example";
    static final String STORAGE_KEYS = KeyRing.generate(1);
    static final String TRANSPORT_KEYS = KeyRing.generate(1);
    static final String ALLOWED_NETWORK = "10.20.0.0/16";

    // an answer that finished long before the instance started: its terminal event is on the topic, older than
    // the fan-out's lookback
    static final String BACKLOG_USER = "backlog-user";
    static final String BACKLOG_CONVERSATION = new ObjectId().toHexString();
    static final String BACKLOG_MESSAGE = new ObjectId().toHexString();
    static final String BACKLOG_REQUEST = UUID.randomUUID().toString();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    ApiClient api;
    /** The management port: health and metrics. */
    ApiClient management;
    KafkaTestClient kafka;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        ACCOUNTING.setDispatcher(new AccountingStub());
        ACCOUNTING.start();
        seedBacklog();
        INFRA.springProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("parley.accounting.url", () -> ACCOUNTING.url("/").toString());
        registry.add("parley.accounting.service-token", () -> AccountingStub.SERVICE_TOKEN);
        registry.add("parley.security.jwt-secret", () -> TestTokens.SECRET);
        registry.add("parley.security.admin-token", () -> ADMIN_TOKEN);
        registry.add("parley.integration.token", () -> INTEGRATION_TOKEN);
        // one issuer as the environment sets it, one from the YAML list with a JWKS, claim mapping and credits
        IDENTITY_PROVIDER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body(OutsideTokens.jwks(IDP_KEY)).build();
            }
        });
        IDENTITY_PROVIDER.start();
        registry.add("parley.sso.issuer", () -> SSO_ISSUER);
        registry.add("parley.sso.audience", () -> SSO_AUDIENCE);
        registry.add("parley.sso.secret", () -> SSO_SECRET);
        registry.add("parley.sso.issuers[0].issuer", () -> IDP_ISSUER);
        registry.add("parley.sso.issuers[0].audience", () -> "parley");
        registry.add("parley.sso.issuers[0].jwks-url", () -> IDENTITY_PROVIDER.url("/jwks.json").toString());
        registry.add("parley.sso.issuers[0].external-id-prefix", () -> "idp:");
        registry.add("parley.sso.issuers[0].claims.organisation", () -> "org");
        registry.add("parley.sso.issuers[0].claims.roles", () -> "groups");
        registry.add("parley.sso.issuers[0].claims.admin-role", () -> "parley-admins");
        registry.add("parley.sso.issuers[0].trust-roles", () -> "true");
        registry.add("parley.sso.issuers[0].starting-balance", () -> "500");
        registry.add("parley.sso.issuers[0].grant", () -> "250");
        registry.add("parley.sso.issuers[0].grant-validity", () -> "30d");
        registry.add("parley.security.key-encryption-keys", () -> STORAGE_KEYS);
        registry.add("parley.security.transport-keys", () -> TRANSPORT_KEYS);
        // webhook receivers are MockWebServers on 127.0.0.1 (other loopback addresses and ::1 stay refused), and a
        // private network the catalog tests' providers may point at; everything else internal stays refused
        registry.add("parley.outbound.allowed-networks", () -> ALLOWED_NETWORK);
        registry.add("parley.webhook.allowed-networks", () -> "127.0.0.1/32");
        // few delivery slots, so that fairness between users shows
        registry.add("parley.webhook.max-concurrent-deliveries", () -> "3");
        registry.add("parley.webhook.max-concurrent-per-user", () -> "2");
        registry.add("parley.stream.limits.max-open-per-user", () -> "5");
        registry.add("parley.stream.limits.max-subscriptions-per-socket", () -> "3");
        registry.add("parley.webhook.retry-delays", () -> "50ms");
        registry.add("parley.webhook.jitter", () -> "0");
        registry.add("parley.webhook.max-attempts", () -> "4");
        registry.add("parley.webhook.poll-interval", () -> "100ms");
        registry.add("parley.catalog.refresh-interval", () -> "500ms");
        // tests name their client's address in X-Forwarded-For (trusted from loopback), and a throttled sign-in
        // stays throttled for the length of a test, however slow the machine
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("parley.limits.login-base-delay", () -> "1m");
        // every test signs its users up from loopback
        registry.add("parley.registration.per-address-per-hour", () -> "100000");
        // small caps, so that reaching them is quick (each test's users are new: nobody else comes near them)
        registry.add("parley.caps.max-projects", () -> "3");
        registry.add("parley.caps.max-prompts-per-project", () -> "3");
        registry.add("parley.caps.max-prompt-versions", () -> "4");
        registry.add("parley.caps.max-conversations", () -> "25");
    }

    @BeforeAll
    void connect() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        // the fan-out group starts at the end of the topic: it must own its partitions before events flow
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("chat-stream-fanout"), 6);
        api = new ApiClient(port);
        management = new ApiClient(managementPort);
        kafka = new KafkaTestClient(INFRA, List.of(Topics.CHAT_REQUESTS, Topics.CHAT_CONTROL));
    }

    @AfterAll
    void disconnect() {
        // the MockWebServer stays up: the cached application context of the next test class still calls it
        kafka.close();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    record User(String id, String bearer, String email, String refresh) {

        User(String id, String bearer) {
            this(id, bearer, null, null);
        }
    }

    User signUp(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response registered = api.post("/api/auth/register", null,
                ApiClient.json(Map.of("email", email, "password", "correct horse battery", "displayName", name)));
        assertThat(registered.status()).isEqualTo(201);
        JsonNode tokens = api.post("/api/auth/login", null,
                ApiClient.json(Map.of("email", email, "password", "correct horse battery"))).body();
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        return new User(registered.body().get("id").asText(), "Bearer " + tokens.get("accessToken").asText(), email,
                tokens.get("refreshToken").asText());
    }

    /**
     * The admin of the tests: registered by whichever test class needs it first, and made admin with the bootstrap
     * token (which its redeemer may present again).
     */
    User admin() {
        Map<String, Object> credentials = Map.of("email", ADMIN_EMAIL, "password", "correct horse battery");
        ApiClient.Response registered = api.post("/api/auth/register", null, ApiClient.json(credentials));
        assertThat(registered.status()).as(registered.text()).isIn(201, 409);
        JsonNode tokens = api.post("/api/auth/login", null, ApiClient.json(credentials)).body();
        String bearer = "Bearer " + tokens.get("accessToken").asText();
        ApiClient.Response bootstrapped = api.post("/api/admin/bootstrap", bearer,
                ApiClient.json(Map.of("token", ADMIN_TOKEN)));
        assertThat(bootstrapped.status()).as(bootstrapped.text()).isEqualTo(200);
        return new User(bootstrapped.body().get("id").asText(), bearer);
    }

    /** Creates a personal API key through the API and returns the key itself. */
    String createApiKey(User user, String name) {
        ApiClient.Response created = api.post("/api/keys", user.bearer(), ApiClient.json(Map.of("name", name)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    String createConversation(User user, String title) {
        ApiClient.Response created = api.post("/api/conversations", user.bearer(),
                ApiClient.json(title == null ? Map.of() : Map.of("title", title)));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    JsonNode postMessage(User user, String conversation, Map<String, Object> body) {
        ApiClient.Response accepted = api.post(messagesPath(conversation), user.bearer(), ApiClient.json(body));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        return accepted.body();
    }

    ChatRequested awaitChatRequested(String requestId) {
        return await().until(() -> kafka.find(Topics.CHAT_REQUESTS, ChatRequested.class,
                event -> event.getRequestId().equals(requestId)), found -> found.isPresent()).get();
    }

    JsonNode awaitAnswer(User user, String conversation, String messageId, String status) {
        return await().until(() -> message(user, conversation, messageId),
                message -> message != null && status.equals(message.get("status").asText()));
    }

    JsonNode message(User user, String conversation, String messageId) {
        for (JsonNode message : api.get(messagesPath(conversation), user.bearer()).body().get("items")) {
            if (message.get("id").asText().equals(messageId)) {
                return message;
            }
        }
        return null;
    }

    static String messagesPath(String conversation) {
        return "/api/conversations/" + conversation + "/messages";
    }

    static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:parley:problem:not-found");
    }

    TestWorker worker(ChatRequested request) {
        return new TestWorker(kafka, request.getRequestId(), request.getUserId(), request.getConversationId(),
                request.getMessageId());
    }

    static void seedBacklog() throws Exception {
        try (var mongo = MongoClients.create(INFRA.mongoUri())) {
            var database = mongo.getDatabase(DATABASE);
            Date now = new Date();
            // tokens are signed for it by hand: its account must exist and be active
            database.getCollection("users").insertOne(new Document("_id", BACKLOG_USER)
                    .append("displayName", "backlog").append("roles", List.of("USER")).append("disabled", false)
                    .append("createdAt", now));
            database.getCollection("conversations").insertOne(new Document("_id", new ObjectId(BACKLOG_CONVERSATION))
                    .append("userId", BACKLOG_USER).append("title", "Before the restart").append("deleted", false)
                    .append("createdAt", now).append("updatedAt", now));
            database.getCollection("messages").insertOne(new Document("_id", new ObjectId(BACKLOG_MESSAGE))
                    .append("conversationId", BACKLOG_CONVERSATION).append("userId", BACKLOG_USER)
                    .append("role", "ASSISTANT").append("content", "").append("status", "PENDING")
                    .append("model", "mock-1").append("provider", "mock").append("requestId", BACKLOG_REQUEST)
                    .append("createdAt", now));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CHAT_STREAM, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        try (var client = new KafkaTestClient(INFRA, List.of())) {
            // before the fan-out's lookback: no instance holds it, only the database
            new TestWorker(client, BACKLOG_REQUEST, BACKLOG_USER, BACKLOG_CONVERSATION, BACKLOG_MESSAGE)
                    .happenedAt(Instant.now().minus(Duration.ofHours(1)))
                    .delta(0, "Answer ").delta(1, "from before").completed(2, "Answer from before", FinishReason.STOP);
        }
    }
}
