package dev.parley.worker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CoalescingPolicyTest {

    static final Duration WINDOW = Duration.ofMillis(50);

    final CoalescingPolicy policy = new CoalescingPolicy(WINDOW, 100);
    final CoalescingPolicy widening = new CoalescingPolicy(WINDOW, 100, Duration.ofMillis(200), 10_000);

    @Test
    void sendsTheFirstTextAtOnce() {
        assertThat(policy.flushNow(true, 1, Duration.ZERO, WINDOW)).isTrue();
    }

    @Test
    void buffersSmallRecentText() {
        assertThat(policy.flushNow(false, 99, Duration.ofMillis(49), WINDOW)).isFalse();
    }

    @Test
    void sendsWhenEnoughCharactersPiledUp() {
        assertThat(policy.flushNow(false, 100, Duration.ZERO, WINDOW)).isTrue();
    }

    @Test
    void sendsWhenTheWindowPassed() {
        assertThat(policy.flushNow(false, 1, Duration.ofMillis(50), WINDOW)).isTrue();
        assertThat(policy.flushNow(false, 1, Duration.ofMillis(50), Duration.ofMillis(100))).isFalse();
    }

    @Test
    void waitsOnlyForWhatIsLeftOfTheWindow() {
        assertThat(policy.remainingWait(Duration.ofMillis(20), WINDOW)).isEqualTo(Duration.ofMillis(30));
        assertThat(policy.remainingWait(Duration.ofMillis(80), WINDOW)).isEqualTo(Duration.ZERO);
        assertThat(policy.remainingWait(Duration.ofMillis(80), Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void keepsTheIntervalWhileFewAnswersStream() {
        assertThat(widening.window(0)).isEqualTo(WINDOW);
        assertThat(widening.window(1)).isEqualTo(WINDOW);
        // 500 streams at one event per 50 ms are the 10,000 events a second it aims at
        assertThat(widening.window(500)).isEqualTo(WINDOW);
    }

    @Test
    void widensTheWindowToKeepTheEventRateWhenManyAnswersStream() {
        assertThat(widening.window(1_000)).isEqualTo(Duration.ofMillis(100));
        assertThat(widening.window(1_500)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void neverWaitsLongerThanTheLongestInterval() {
        assertThat(widening.window(2_000)).isEqualTo(Duration.ofMillis(200));
        assertThat(widening.window(1_000_000)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void withoutAnEventRateTheWindowNeverWidens() {
        assertThat(policy.window(1_000_000)).isEqualTo(WINDOW);
        assertThat(new CoalescingPolicy(WINDOW, 100, Duration.ofSeconds(1), 0).window(1_000_000)).isEqualTo(WINDOW);
    }

    @Test
    void refusesALongestIntervalShorterThanTheInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CoalescingPolicy(WINDOW, 100, Duration.ofMillis(49), 10_000))
                .withMessageContaining("shorter than interval");
    }
}
