package dev.parley.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final List<Duration> DEFAULTS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

    final RetrySchedule withoutJitter = new RetrySchedule(DEFAULTS, 0, Duration.ofHours(1));

    @Test
    void delaysFollowTheListAndTheLastRepeats() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8).stream()
                .map(failed -> withoutJitter.delay(failed, null, 0.5)).toList())
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void jitterMovesADelayByAtMostItsShareEitherWay() {
        var schedule = new RetrySchedule(DEFAULTS, 0.2, Duration.ofHours(1));

        assertThat(schedule.delay(1, null, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.delay(1, null, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delay(1, null, 0.999999)).isBetween(Duration.ofMillis(11999), Duration.ofSeconds(12));
    }

    @Test
    void retryAfterPostponesUpToTheCapButNeverBringsARetryForward() {
        var schedule = new RetrySchedule(DEFAULTS, 0, Duration.ofMinutes(10));

        assertThat(schedule.delay(1, Duration.ofMinutes(2), 0.5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delay(1, Duration.ofHours(3), 0.5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delay(2, Duration.ofSeconds(1), 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delay(6, Duration.ofHours(3), 0.5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anEmptyScheduleIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
