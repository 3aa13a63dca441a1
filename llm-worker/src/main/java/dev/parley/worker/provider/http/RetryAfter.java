package dev.parley.worker.provider.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asked to wait: {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110), or
 * OpenAI's finer {@code retry-after-ms}, which wins when both are present.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String retryAfter, String retryAfterMs, Instant now) {
        Optional<Duration> millis = number(retryAfterMs).map(Duration::ofMillis);
        return millis.isPresent() ? millis : parse(retryAfter, now);
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(value).map(Duration::ofSeconds);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return parsed >= 0 && Double.isFinite(parsed) ? Optional.of((long) Math.ceil(parsed)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
