package dev.parley.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    static final byte[] BODY = "{\"type\":\"message.completed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsIdTimestampAndBodyWithTheSecretAsShown() {
        // computed independently: hmac.new(b"whsec_test-secret", b"3f1c2d9e-delivery.1700000000." + body, sha256)
        assertThat(WebhookSigner.signature("whsec_test-secret", "3f1c2d9e-delivery", 1700000000L, BODY))
                .isEqualTo("v1=974bdc921aadc1d9db7ddeb373086de4ea5867763b689b393ffed9c22f1fd4ee");
    }

    @Test
    void anyChangeOfSecretIdTimestampOrBodyChangesTheSignature() {
        String signature = WebhookSigner.signature("whsec_a", "d1", 1L, BODY);

        assertThat(WebhookSigner.signature("whsec_b", "d1", 1L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSigner.signature("whsec_a", "d2", 1L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSigner.signature("whsec_a", "d1", 2L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSigner.signature("whsec_a", "d1", 1L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
