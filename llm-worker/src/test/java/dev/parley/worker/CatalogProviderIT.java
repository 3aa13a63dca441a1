package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatRequested;
import dev.parley.events.ProviderEndpoint;
import dev.parley.events.TokenUsage;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import dev.parley.platform.crypto.KeyRing;

/**
 * Providers an admin added to the catalog at runtime: the request says where to call ({@code endpoint}) and
 * brings the key, sealed like a user's own; every call passes the outbound-address guard.
 */
class CatalogProviderIT extends WorkerTestSupport {

    static final String SERVER_KEY = "sk-catalog-server-key-0123456789";
    static final MockWebServer CATALOG = server("127.0.0.1");
    /** Loopback too, but not in parley.outbound.allowed-networks: stands for any internal address. */
    static final MockWebServer INTERNAL = server("127.0.0.2");

    @Test
    void theServerKeyReachesTheEndpointAndTheUsageIsTheServers() throws Exception {
        CATALOG.enqueue(ProviderResponses.sse(Transcripts.read("openai-stream-with-usage.sse")).build());
        ChatRequested request = TestEvents.withKey(catalog(TestEvents.request("team-llm", "gpt-4o-mini", 50,
                "Say hello"), "openai-compatible", url(CATALOG)), TRANSPORT_KEYS, SERVER_KEY, false);

        publish(request);

        assertThat(completed(awaitTerminal(request)).getText()).isEqualTo("Hello! How can I help you today?");
        assertWellFormedStream(request);
        RecordedRequest call = CATALOG.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer " + SERVER_KEY);
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getOwnKey()).as("accounting debits server-key usage").isFalse();
        assertThat(usage.getSource()).isEqualTo(UsageSource.PROVIDER_REPORTED);
        assertThat(usage.getProvider()).isEqualTo("team-llm");
    }

    @Test
    void anInternalAddressIsRefusedBeforeAnythingIsSent() {
        ChatRequested request = TestEvents.withKey(catalog(TestEvents.request("sneaky", "gpt-4o-mini", 50,
                "Say hello"), "openai-compatible", url(INTERNAL)), TRANSPORT_KEYS, SERVER_KEY, false);

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertThat(failed.getErrorCode()).isEqualTo("provider_address_refused");
        assertThat(failed.getErrorMessage()).contains("127.0.0.2").doesNotContain(SERVER_KEY);
        assertThat(INTERNAL.getRequestCount()).isZero();
        assertUsageMatches(awaitUsage(request), request, new TokenUsage(0L, 0L, 0L, 0L, UsageSource.ESTIMATED),
                CallOutcome.FAILED);
    }

    @Test
    void theAnthropicKindSendsTheKeyAsXApiKey() throws Exception {
        CATALOG.enqueue(ProviderResponses.sse(Transcripts.read("anthropic-stream.sse")).build());
        ChatRequested request = TestEvents.withKey(catalog(TestEvents.request("team-claude", "claude-sonnet-4-5", 50,
                "Say hello"), "anthropic", root(CATALOG)), TRANSPORT_KEYS, SERVER_KEY, false);

        publish(request);

        assertThat(completed(awaitTerminal(request)).getText()).isEqualTo("Hello! How can I help you today?");
        RecordedRequest call = CATALOG.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(call.getHeaders().get("x-api-key")).isEqualTo(SERVER_KEY);
        assertThat(call.getHeaders().get("Authorization")).isNull();
        assertUsageMatches(awaitUsage(request), request,
                new TokenUsage(21L + 1024L, 12L, 1024L, 0L, UsageSource.PROVIDER_REPORTED), CallOutcome.COMPLETED);
    }

    @Test
    void theMockKindNeedsNoUrlAndNoKey() {
        ChatRequested request = catalog(TestEvents.request("demo-mock", "mock", 5, "Say hello"), "mock", null);

        publish(request);

        assertThat(completed(awaitTerminal(request)).getText()).isNotBlank();
        assertWellFormedStream(request);
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getOwnKey()).isFalse();
        assertThat(usage.getOutputTokens()).isEqualTo(5);
    }

    @Test
    void theUsersOwnKeyForACatalogProviderIsUsedAndMarkedOwn() throws Exception {
        CATALOG.enqueue(ProviderResponses.sse(Transcripts.read("openai-stream-with-usage.sse")).build());
        ChatRequested request = OwnKeyIT.ownKey(catalog(TestEvents.request("team-llm", "gpt-4o-mini", 50,
                "Say hello"), "openai-compatible", url(CATALOG)), TRANSPORT_KEYS);

        publish(request);

        completed(awaitTerminal(request));
        RecordedRequest call = CATALOG.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer " + OwnKeyIT.USER_KEY);
        assertThat(awaitUsage(request).getOwnKey()).isTrue();
    }

    @Test
    void aServerKeyThatDoesNotOpenFailsWithoutACall() {
        int callsBefore = CATALOG.getRequestCount();
        ChatRequested request = TestEvents.withKey(catalog(TestEvents.request("team-llm", "gpt-4o-mini", 50,
                "Say hello"), "openai-compatible", url(CATALOG)), KeyRing.generate(1),
                SERVER_KEY, false);

        publish(request);

        assertThat(failed(awaitTerminal(request)).getErrorCode()).isEqualTo("credential_invalid");
        assertThat(awaitUsage(request).getOwnKey()).isFalse();
        assertThat(CATALOG.getRequestCount()).isEqualTo(callsBefore);
    }

    /** The endpoint with the string kind only, as producers before {@code providerKind} wrote it (still readable). */
    private static ChatRequested catalog(ChatRequested request, String kind, String baseUrl) {
        return ChatRequested.newBuilder(request).setEndpoint(new ProviderEndpoint(kind, baseUrl, null)).build();
    }

    private static String url(MockWebServer server) {
        return root(server) + "/v1";
    }

    /** The server by its IP address, so that the guard sees exactly that address. */
    private static String root(MockWebServer server) {
        return "http://" + server.getSocketAddress().getAddress().getHostAddress() + ":" + server.getPort();
    }

    private static MockWebServer server(String address) {
        var server = new MockWebServer();
        try {
            server.start(InetAddress.getByName(address), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
