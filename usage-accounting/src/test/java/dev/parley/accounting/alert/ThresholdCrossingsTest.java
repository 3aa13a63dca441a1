package dev.parley.accounting.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThresholdCrossingsTest {

    private static final List<Long> THRESHOLDS = List.of(0L, 1_000L);

    @Test
    void aBalanceAtOrBelowAThresholdCrossesIt() {
        assertThat(ThresholdCrossings.newlyCrossed(1_001, THRESHOLDS, List.of())).isEmpty();
        assertThat(ThresholdCrossings.newlyCrossed(1_000, THRESHOLDS, List.of())).containsExactly(1_000L);
        assertThat(ThresholdCrossings.newlyCrossed(-5, THRESHOLDS, List.of())).containsExactly(0L, 1_000L);
    }

    @Test
    void anAlertedThresholdIsNotCrossedAgainUntilRearmed() {
        assertThat(ThresholdCrossings.newlyCrossed(500, THRESHOLDS, List.of(1_000L))).isEmpty();
        assertThat(ThresholdCrossings.rearmed(500, List.of(1_000L))).isEmpty();
        assertThat(ThresholdCrossings.rearmed(1_001, List.of(0L, 1_000L))).containsExactly(0L, 1_000L);
        assertThat(ThresholdCrossings.rearmed(1, List.of(0L, 1_000L))).containsExactly(0L);
    }
}
