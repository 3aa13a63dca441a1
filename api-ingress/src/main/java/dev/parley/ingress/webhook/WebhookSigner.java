package dev.parley.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Parley-Signature} of a delivery: {@code v1=} and the hex HMAC-SHA256, keyed with the secret as
 * shown to the user (its UTF-8 bytes), over {@code id + "." + timestamp + "." + body}. Signing the id and the
 * timestamp with the body lets receivers refuse replays of an old delivery.
 */
final class WebhookSigner {

    static final String VERSION = "v1";

    private WebhookSigner() {
    }

    static String signature(String secret, String deliveryId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((deliveryId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
