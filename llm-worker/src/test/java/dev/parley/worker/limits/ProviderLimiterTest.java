package dev.parley.worker.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.provider.Cancellation;

class ProviderLimiterTest {

    @Test
    void admitsUpToTheConcurrencyLimitAndFreesASlotOnClose() {
        var limiter = new ProviderLimiter(new Limits(2, 0, 0, Duration.ofMillis(200)));

        Optional<Permit> first = limiter.admit(0, new Cancellation());
        Optional<Permit> second = limiter.admit(0, new Cancellation());
        Optional<Permit> third = limiter.admit(0, new Cancellation());

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).as("waited its queue time").isEmpty();
        assertThat(limiter.running()).isEqualTo(2);
        first.get().close();
        assertThat(limiter.admit(0, new Cancellation())).isPresent();
    }

    @Test
    void aQueuedRequestRunsAsSoonAsASlotFrees() throws Exception {
        var limiter = new ProviderLimiter(new Limits(1, 0, 0, Duration.ofSeconds(10)));
        Permit held = limiter.admit(0, new Cancellation()).orElseThrow();
        var waiter = Thread.ofVirtual().start(() -> limiter.admit(0, new Cancellation()).orElseThrow().close());
        while (limiter.queued() == 0) {
            Thread.onSpinWait();
        }

        held.close();

        assertThat(waiter.join(Duration.ofSeconds(5))).isTrue();
        assertThat(limiter.queued()).isZero();
        assertThat(limiter.running()).isZero();
    }

    @Test
    void spendsTheRequestsPerMinuteBudgetThenFailsFastWhenTheRefillIsBeyondTheQueueWait() {
        var limiter = new ProviderLimiter(new Limits(0, 2, 0, Duration.ofSeconds(5)));

        assertThat(limiter.admit(0, new Cancellation())).isPresent();
        assertThat(limiter.admit(0, new Cancellation())).isPresent();
        long started = System.nanoTime();
        assertThat(limiter.admit(0, new Cancellation())).as("next token in 30 s").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void countsPromptAndAnswerTokensPerMinuteAndGivesBackTheRequestWhenTokensLack() {
        var limiter = new ProviderLimiter(new Limits(0, 10, 1000, Duration.ofMillis(100)));

        assertThat(limiter.admit(700, new Cancellation())).isPresent();
        assertThat(limiter.admit(700, new Cancellation())).isEmpty();
        assertThat(limiter.admit(300, new Cancellation())).isPresent();
        assertThat(limiter.admit(5000, new Cancellation())).as("never more than a full minute's budget").isEmpty();
    }

    @Test
    void aCancelledRequestLeavesTheQueue() throws Exception {
        var limiter = new ProviderLimiter(new Limits(1, 0, 0, Duration.ofMinutes(1)));
        limiter.admit(0, new Cancellation()).orElseThrow();
        var cancellation = new Cancellation();
        var result = new Optional<?>[1];
        var waiter = Thread.ofVirtual().start(() -> result[0] = limiter.admit(0, cancellation));
        while (limiter.queued() == 0) {
            Thread.onSpinWait();
        }

        cancellation.cancel();

        assertThat(waiter.join(Duration.ofSeconds(2))).isTrue();
        assertThat(result[0]).isEmpty();
        assertThat(limiter.queued()).isZero();
    }
}
