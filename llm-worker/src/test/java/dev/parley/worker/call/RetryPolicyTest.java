package dev.parley.worker.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;

class RetryPolicyTest {

    static final Retry RETRY = new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(30));
    static final ProviderError OVERLOADED = new ProviderError(ErrorCodes.PROVIDER_UNAVAILABLE, "503", true, null);

    @Test
    void doesNotRetryWhatAnotherCallWouldNotFix() {
        var policy = new RetryPolicy(RETRY, () -> 0.5);

        assertThat(policy.delayAfter(1, new ProviderError(ErrorCodes.PROVIDER_REJECTED, "401"))).isEmpty();
        assertThat(policy.delayAfter(1, null)).isEmpty();
    }

    @Test
    void backsOffExponentiallyWithHalfOfEachWaitRandomUpToTheCap() {
        var lowest = new RetryPolicy(RETRY, () -> 0);
        var highest = new RetryPolicy(RETRY, () -> 1);

        assertThat(lowest.delayAfter(1, OVERLOADED)).contains(Duration.ofMillis(250));
        assertThat(highest.delayAfter(1, OVERLOADED)).contains(Duration.ofMillis(500));
        assertThat(highest.delayAfter(2, OVERLOADED)).contains(Duration.ofMillis(1000));
        assertThat(highest.delayAfter(3, OVERLOADED)).contains(Duration.ofMillis(2000));
        assertThat(new RetryPolicy(new Retry(40, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(30)),
                () -> 1).delayAfter(39, OVERLOADED)).as("capped").contains(Duration.ofSeconds(3));
    }

    @Test
    void stopsAtMaxAttempts() {
        var policy = new RetryPolicy(RETRY, () -> 0.5);

        assertThat(policy.delayAfter(3, OVERLOADED)).isPresent();
        assertThat(policy.delayAfter(4, OVERLOADED)).isEmpty();
    }

    @Test
    void honoursRetryAfterUnlessItIsLongerThanAllowed() {
        var policy = new RetryPolicy(RETRY, () -> 0.5);

        assertThat(policy.delayAfter(1, new ProviderError(ErrorCodes.PROVIDER_RATE_LIMITED, "429", true,
                Duration.ofSeconds(7)))).contains(Duration.ofSeconds(7));
        assertThat(policy.delayAfter(1, new ProviderError(ErrorCodes.PROVIDER_RATE_LIMITED, "429", true,
                Duration.ofMinutes(5)))).as("fall back instead").isEmpty();
    }
}
