package dev.parley.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.webhook.AttemptResult.Verdict;

class AttemptPolicyTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    final AttemptPolicy policy = new AttemptPolicy(3,
            new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 0, Duration.ofHours(1)));

    @Test
    void aDeliveredAttemptEndsTheDelivery() {
        var next = policy.next(1, new AttemptResult(Verdict.DELIVERED, 200, null, null), NOW, 0.5);

        assertThat(next).isEqualTo(new AttemptPolicy.Next(DeliveryStatus.DELIVERED, null, null));
    }

    @Test
    void aRetryableFailureIsDueAgainAfterTheScheduledDelay() {
        var busy = new AttemptResult(Verdict.RETRY, 503, null, "HTTP 503");

        assertThat(policy.next(1, busy, NOW, 0.5))
                .isEqualTo(new AttemptPolicy.Next(DeliveryStatus.PENDING, NOW.plusSeconds(10), "HTTP 503"));
        assertThat(policy.next(2, busy, NOW, 0.5))
                .isEqualTo(new AttemptPolicy.Next(DeliveryStatus.PENDING, NOW.plusSeconds(30), "HTTP 503"));
    }

    @Test
    void theLastAllowedAttemptFailingGivesUp() {
        var next = policy.next(3, new AttemptResult(Verdict.RETRY, null, null, "timeout"), NOW, 0.5);

        assertThat(next).isEqualTo(new AttemptPolicy.Next(DeliveryStatus.FAILED, null,
                "gave up after 3 attempts; last: timeout"));
    }

    @Test
    void aFinalRefusalFailsAtOnce() {
        var next = policy.next(1, new AttemptResult(Verdict.FAILED, 404, null, "HTTP 404"), NOW, 0.5);

        assertThat(next).isEqualTo(new AttemptPolicy.Next(DeliveryStatus.FAILED, null, "HTTP 404"));
    }
}
