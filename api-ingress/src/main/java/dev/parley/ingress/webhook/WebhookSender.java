package dev.parley.ingress.webhook;

import java.io.IOException;
import java.time.Clock;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.parley.platform.outbound.GuardedHttp;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs one attempt of a delivery, signed. The client checks the address again after DNS at every attempt (the
 * name may point elsewhere by now), follows no redirects, and bounds the whole call.
 */
@Component
class WebhookSender {

    static final String ID_HEADER = "Parley-Webhook-Id";
    static final String TIMESTAMP_HEADER = "Parley-Webhook-Timestamp";
    static final String SIGNATURE_HEADER = "Parley-Signature";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, WebhookAddressPolicy policy, JsonMapper json, Clock clock) {
        this.http = GuardedHttp.guard(new OkHttpClient.Builder(), policy.policy())
                .connectTimeout(properties.connectTimeout())
                .callTimeout(properties.callTimeout())
                // our own schedule decides about retries
                .retryOnConnectionFailure(false)
                .build();
        this.json = json;
        this.clock = clock;
    }

    AttemptResult send(WebhookDeliveryDocument delivery, String secret) {
        byte[] body = json.writeValueAsBytes(WebhookPayload.of(delivery.deliveryId(), delivery.answer()));
        long timestamp = clock.instant().getEpochSecond();
        Request request;
        try {
            request = new Request.Builder().url(delivery.answer().url())
                    .header("User-Agent", "Parley-Webhooks/1")
                    .header(ID_HEADER, delivery.deliveryId())
                    .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SIGNATURE_HEADER, WebhookSigner.signature(secret, delivery.deliveryId(), timestamp, body))
                    .post(RequestBody.create(body, JSON))
                    .build();
        } catch (IllegalArgumentException invalid) {
            return new AttemptResult(AttemptResult.Verdict.FAILED, null, null, "invalid URL");
        }
        try (Response response = http.newCall(request).execute()) {
            return ResponseClassifier.answered(response.code(), response.header("Retry-After"),
                    response.isSuccessful() ? null : snippet(response), clock.instant());
        } catch (IOException failure) {
            return ResponseClassifier.unanswered(failure);
        }
    }

    /** The start of the receiver's answer, for the user to see why it refused; never more. */
    private static String snippet(Response response) {
        try {
            return response.peekBody(ResponseClassifier.SNIPPET_CHARS * 4L).string();
        } catch (IOException | IllegalStateException unreadable) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
