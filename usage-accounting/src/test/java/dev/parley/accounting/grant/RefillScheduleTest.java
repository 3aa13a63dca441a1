package dev.parley.accounting.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.parley.accounting.account.Refill;

class RefillScheduleTest {

    private static final Instant ANCHOR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Refill DAILY = new Refill(500, Duration.ofDays(1).toSeconds(), ANCHOR, -1);

    @Test
    void theAnchorStartsIntervalZero() {
        assertThat(RefillSchedule.currentIndex(DAILY, ANCHOR)).isZero();
        assertThat(RefillSchedule.currentIndex(DAILY, ANCHOR.plusSeconds(86_399))).isZero();
        assertThat(RefillSchedule.currentIndex(DAILY, ANCHOR.plusSeconds(86_400))).isEqualTo(1);
        assertThat(RefillSchedule.currentIndex(DAILY, ANCHOR.plus(Duration.ofDays(30)))).isEqualTo(30);
    }

    @Test
    void beforeTheAnchorNothingIsDue() {
        assertThat(RefillSchedule.currentIndex(DAILY, ANCHOR.minusMillis(1))).isEqualTo(-1);
    }

    @Test
    void eachIntervalStartsOneIntervalAfterThePrevious() {
        assertThat(RefillSchedule.startOf(DAILY, 0)).isEqualTo(ANCHOR);
        assertThat(RefillSchedule.startOf(DAILY, 2)).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }
}
