package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A user whose receiver hangs holds at most their share of the delivery slots (the shared test context has 3 slots,
 * 2 per user): another user's webhook is delivered meanwhile. And user webhooks and admin base URLs have separate
 * allow-lists (the test context allows 127.0.0.1 for webhooks, 10.20.0.0/16 for the catalog).
 */
class WebhookFairnessIT extends IngressIntegrationTest {

    @Test
    void aHangingReceiverCannotTakeEverySlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hanging = new AtomicInteger();
        try (MockWebServer slow = new MockWebServer(); MockWebServer fast = new MockWebServer()) {
            slow.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    hanging.incrementAndGet();
                    release.await(60, TimeUnit.SECONDS);
                    return new MockResponse.Builder().code(200).build();
                }
            });
            slow.start();
            fast.start();
            User hog = signUp("hog");
            User ann = signUp("fair-ann");
            secret(hog);
            secret(ann);
            for (int i = 0; i < 4; i++) {
                answer(hog, slow.url("/hook").toString());
            }
            await().until(() -> hanging.get() >= 2);

            answer(ann, fast.url("/hook").toString());

            assertThat(fast.takeRequest(30, TimeUnit.SECONDS)).as("ann's delivery while hog's hang").isNotNull();
            assertThat(hanging.get()).isLessThanOrEqualTo(2 + 2);
            release.countDown();
        }
    }

    @Test
    void webhooksAndCatalogBaseUrlsHaveSeparateAllowLists() {
        User cat = signUp("lists");
        secret(cat);
        String conversation = createConversation(cat, "lists");

        ApiClient.Response hookIntoCatalogNetwork = api.post(messagesPath(conversation), cat.bearer(),
                ApiClient.json(Map.of("content", "hi", "webhookUrl", "http://10.20.0.5/hook")));
        ApiClient.Response providerOnWebhookNetwork = api.post("/api/providers", admin().bearer(),
                ApiClient.json(Map.of("name", "loopback-only", "kind", "openai-compatible",
                        "baseUrl", "http://127.0.0.1:9/v1")));

        assertThat(hookIntoCatalogNetwork.status()).isEqualTo(400);
        assertThat(hookIntoCatalogNetwork.body().get("type").asText())
                .isEqualTo("urn:parley:problem:outbound-address-refused");
        assertThat(providerOnWebhookNetwork.status()).isEqualTo(400);
        assertThat(providerOnWebhookNetwork.body().get("type").asText())
                .isEqualTo("urn:parley:problem:outbound-address-refused");
    }

    private void secret(User user) {
        assertThat(api.post("/api/me/webhook-secret", user.bearer(), null).status()).isEqualTo(201);
    }

    /** A finished answer whose webhook is due now. */
    private void answer(User user, String hook) {
        String conversation = createConversation(user, "hooks");
        var accepted = postMessage(user, conversation, Map.of("content", "hello", "webhookUrl", hook));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        worker(request).completed(0, "answer", FinishReason.STOP);
    }
}
