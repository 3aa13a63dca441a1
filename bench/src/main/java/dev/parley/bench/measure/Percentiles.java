package dev.parley.bench.measure;

import java.util.Arrays;

/** Exact percentiles of recorded samples (nearest rank), and the summary the reports show. */
public final class Percentiles {

    /** Milliseconds; all zero with {@code count} 0. */
    public record Summary(int count, double p50, double p90, double p99, double max, double mean) {

        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);
    }

    private Percentiles() {
    }

    /** Nearest-rank percentile {@code p} (0 < p <= 100) of {@code sorted}: the smallest value with p % at or below. */
    public static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public static Summary summarize(double[] values) {
        if (values.length == 0) {
            return Summary.EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, of(sorted, 50), of(sorted, 90), of(sorted, 99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }
}
