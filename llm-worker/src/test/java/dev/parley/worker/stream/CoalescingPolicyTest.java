package dev.parley.worker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CoalescingPolicyTest {

    final CoalescingPolicy policy = new CoalescingPolicy(Duration.ofMillis(50), 100);

    @Test
    void sendsTheFirstTextAtOnce() {
        assertThat(policy.flushNow(true, 1, Duration.ZERO)).isTrue();
    }

    @Test
    void buffersSmallRecentText() {
        assertThat(policy.flushNow(false, 99, Duration.ofMillis(49))).isFalse();
    }

    @Test
    void sendsWhenEnoughCharactersPiledUp() {
        assertThat(policy.flushNow(false, 100, Duration.ZERO)).isTrue();
    }

    @Test
    void sendsWhenTheIntervalPassed() {
        assertThat(policy.flushNow(false, 1, Duration.ofMillis(50))).isTrue();
    }

    @Test
    void waitsOnlyForWhatIsLeftOfTheInterval() {
        assertThat(policy.remainingWait(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(30));
        assertThat(policy.remainingWait(Duration.ofMillis(80))).isEqualTo(Duration.ZERO);
    }
}
