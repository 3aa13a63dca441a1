package dev.parley.ingress.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LastUsePolicyTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    final LastUsePolicy policy = new LastUsePolicy(Duration.ofMinutes(1));

    @Test
    void aNeverUsedKeyIsRecordedAtOnce() {
        assertThat(policy.due(null, NOW)).isTrue();
    }

    @Test
    void aKeyIsRecordedAtMostOncePerInterval() {
        assertThat(policy.due(NOW.minusSeconds(59), NOW)).isFalse();
        assertThat(policy.due(NOW.minusSeconds(60), NOW)).isTrue();
        assertThat(policy.due(NOW.minusSeconds(3600), NOW)).isTrue();
        assertThat(policy.staleBefore(NOW)).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void revokedAndExpiredKeysAreUnusable() {
        var live = new ApiKeyDocument("k", "u", "n", "pk_1", "h", NOW, null, null, null);
        assertThat(live.usableAt(NOW)).isTrue();
        assertThat(new ApiKeyDocument("k", "u", "n", "pk_1", "h", NOW, null, NOW.plusSeconds(1), null).usableAt(NOW))
                .isTrue();
        assertThat(new ApiKeyDocument("k", "u", "n", "pk_1", "h", NOW, null, NOW, null).usableAt(NOW)).isFalse();
        assertThat(new ApiKeyDocument("k", "u", "n", "pk_1", "h", NOW, null, null, NOW).usableAt(NOW)).isFalse();
    }
}
