package dev.parley.worker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("20", null, NOW)).contains(Duration.ofSeconds(20));
        assertThat(RetryAfter.parse(" 0 ", null, NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsTheTimeLeftUntilIt() {
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:07 GMT", null, NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:59:00 GMT", null, NOW)).as("in the past")
                .contains(Duration.ZERO);
    }

    @Test
    void prefersOpenAisMilliseconds() {
        assertThat(RetryAfter.parse("1", "210", NOW)).contains(Duration.ofMillis(210));
        assertThat(RetryAfter.parse(null, "1.5", NOW)).contains(Duration.ofMillis(2));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", "-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", "", NOW)).isEmpty();
    }
}
