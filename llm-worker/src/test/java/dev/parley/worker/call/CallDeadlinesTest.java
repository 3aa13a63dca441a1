package dev.parley.worker.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.parley.worker.config.ProviderProperties.Timeouts;

class CallDeadlinesTest {

    static final long S = Duration.ofSeconds(1).toNanos();
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(3), Duration.ofSeconds(60));

    final CallDeadlines deadlines = new CallDeadlines(TIMEOUTS, 1000 * S);

    @Test
    void waitsForTheFirstTextUpToItsLimit() {
        assertThat(deadlines.expired(1009 * S)).isEmpty();
        assertThat(deadlines.nanosUntilNextCheck(1009 * S)).isEqualTo(S);
        assertThat(deadlines.expired(1010 * S)).hasValueSatisfying(expiry -> {
            assertThat(expiry.timeout()).isEqualTo("time-to-first-token");
            assertThat(expiry.limit()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void thenLimitsTheSilenceBetweenTexts() {
        deadlines.textArrived(1002 * S);
        assertThat(deadlines.expired(1011 * S)).as("idle, not first token").hasValueSatisfying(expiry ->
                assertThat(expiry.timeout()).isEqualTo("idle"));

        deadlines.textArrived(1011 * S);
        assertThat(deadlines.expired(1013 * S)).isEmpty();
        assertThat(deadlines.nanosUntilNextCheck(1013 * S)).isEqualTo(S);
    }

    @Test
    void limitsTheWholeCallEvenWhileTextFlows() {
        deadlines.textArrived(1059 * S);

        assertThat(deadlines.expired(1060 * S)).hasValueSatisfying(expiry ->
                assertThat(expiry.timeout()).isEqualTo("total"));
        assertThat(deadlines.nanosUntilNextCheck(1059 * S)).isEqualTo(S);
    }
}
