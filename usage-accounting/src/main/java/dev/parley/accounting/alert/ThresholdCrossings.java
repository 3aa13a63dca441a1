package dev.parley.accounting.alert;

import java.util.Collection;
import java.util.List;

/**
 * Which low-balance thresholds a balance has crossed downward and which have re-armed. A threshold is crossed when
 * the balance is at or below it, and alerted once until the balance rises above it again.
 */
final class ThresholdCrossings {

    private ThresholdCrossings() {
    }

    /** Thresholds at or above the balance that are not alerted yet. */
    static List<Long> newlyCrossed(long balance, Collection<Long> thresholds, Collection<Long> alerted) {
        return thresholds.stream().filter(threshold -> balance <= threshold && !alerted.contains(threshold)).toList();
    }

    /** Alerted thresholds that the balance has risen above. */
    static List<Long> rearmed(long balance, Collection<Long> alerted) {
        return alerted.stream().filter(threshold -> balance > threshold).toList();
    }
}
