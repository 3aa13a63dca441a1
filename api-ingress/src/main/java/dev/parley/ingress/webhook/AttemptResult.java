package dev.parley.ingress.webhook;

import java.time.Duration;

/**
 * What one POST to a receiver came to.
 *
 * @param statusCode the receiver's HTTP status; null when no answer came (network, timeout, refused address)
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param error why it did not succeed, short and free of secrets; null when delivered
 */
record AttemptResult(Verdict verdict, Integer statusCode, Duration retryAfter, String error) {

    enum Verdict {
        DELIVERED, RETRY, FAILED
    }
}
