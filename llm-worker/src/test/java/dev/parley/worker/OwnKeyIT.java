package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatRequested;
import dev.parley.events.UsageRecorded;
import dev.parley.platform.crypto.KeyRing;

/** Requests carrying the user's own provider key, sealed by api-ingress with the shared transport ring. */
class OwnKeyIT extends WorkerTestSupport {

    static final String USER_KEY = "sk-user-own-key-for-byok-0123456789";

    @Test
    void aSealedKeyIsUsedForTheCallOfAProviderWithoutAServerKey() throws Exception {
        BYOK_OPENAI.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(Transcripts.read("openai-stream-with-usage.sse")).build());
        ChatRequested request = ownKey(TestEvents.request("byok-openai", "gpt-4o-mini", 50, "Say hello"),
                TRANSPORT_KEYS);

        publish(request);

        ChatCompleted completed = (ChatCompleted) awaitTerminal(request).getPayload();
        assertThat(completed.getText()).isEqualTo("Hello! How can I help you today?");
        RecordedRequest call = BYOK_OPENAI.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer " + USER_KEY);
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getOwnKey()).isTrue();
        assertThat(usage.getProvider()).isEqualTo("byok-openai");
    }

    @Test
    void aCredentialThatDoesNotOpenFailsWithoutCallingTheProvider() {
        int callsBefore = BYOK_OPENAI.getRequestCount();
        ChatRequested request = ownKey(TestEvents.request("byok-openai", "gpt-4o-mini", 50, "Say hello"),
                KeyRing.generate(1));

        publish(request);

        ChatFailed failed = (ChatFailed) awaitTerminal(request).getPayload();
        assertThat(failed.getErrorCode()).isEqualTo("credential_invalid");
        assertThat(failed.getErrorMessage()).doesNotContain(USER_KEY);
        assertThat(awaitUsage(request).getOwnKey()).isTrue();
        assertThat(BYOK_OPENAI.getRequestCount()).isEqualTo(callsBefore);
    }

    /** Issue 10, item 4: the mock (and a local server configured without a key) is the operator's: always billed. */
    @Test
    void anOwnKeyForAProviderThatTakesNoKeyIsIgnoredAndTheCallIsBilled() {
        ChatRequested request = ownKey(TestEvents.request("mock", "mock", 10, "Hello?"), TRANSPORT_KEYS);

        publish(request);

        assertThat(completed(awaitTerminal(request)).getText()).isNotEmpty();
        assertThat(awaitUsage(request).getOwnKey()).isFalse();
    }

    /** Seals the user's key for this request as api-ingress does. */
    static ChatRequested ownKey(ChatRequested request, String ring) {
        return TestEvents.withKey(request, ring, USER_KEY, true);
    }
}
