package dev.parley.ingress.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.parley.ingress.webhook.AttemptResult.Verdict;
import dev.parley.platform.outbound.GuardedHttp;

/**
 * Decides what an answer of a receiver means. A 2xx is delivered. 408, 429 and 5xx say "not now", as do network
 * failures and timeouts: those are retried. Any other status (4xx, and 3xx, since redirects are not followed)
 * says the receiver will not take it, and an address the outbound guard refuses will not become allowed by
 * waiting: those fail at once.
 */
final class ResponseClassifier {

    static final int SNIPPET_CHARS = 200;

    private ResponseClassifier() {
    }

    static AttemptResult answered(int status, String retryAfter, String bodySnippet, Instant now) {
        if (status >= 200 && status < 300) {
            return new AttemptResult(Verdict.DELIVERED, status, null, null);
        }
        String error = "HTTP " + status + (bodySnippet == null || bodySnippet.isBlank() ? ""
                : ": " + snippet(bodySnippet));
        if (status == 408 || status == 429 || status >= 500) {
            return new AttemptResult(Verdict.RETRY, status, retryAfter(retryAfter, now), error);
        }
        if (status >= 300 && status < 400) {
            error = "HTTP " + status + ": redirects are not followed";
        }
        return new AttemptResult(Verdict.FAILED, status, null, error);
    }

    static AttemptResult unanswered(IOException failure) {
        if (failure instanceof GuardedHttp.RefusedAddressException) {
            return new AttemptResult(Verdict.FAILED, null, null, "address refused: " + failure.getMessage());
        }
        String kind = failure instanceof InterruptedIOException ? "timeout" : "network error";
        String message = failure.getMessage();
        return new AttemptResult(Verdict.RETRY, null, null, message == null ? kind
                : kind + ": " + snippet(message));
    }

    /** Seconds or an HTTP date; anything else, or a time already past, asks for nothing. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : null;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** One line of at most {@link #SNIPPET_CHARS} printable characters. */
    static String snippet(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= SNIPPET_CHARS ? line : line.substring(0, SNIPPET_CHARS) + "…";
    }
}
