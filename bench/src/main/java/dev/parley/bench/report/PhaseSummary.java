package dev.parley.bench.report;

import java.util.Map;

import dev.parley.bench.measure.Percentiles.Summary;

/**
 * One phase (direct or through Parley) of a run.
 *
 * @param requests       requests started in the measured window
 * @param completed      streams that ended normally inside the window
 * @param ttft           time to first token in ms, by API ({@code native}, {@code openai}, {@code direct}) and
 *                       {@code all}
 * @param errors         failed requests by kind
 */
public record PhaseSummary(double windowSeconds, long requests, long completed, double streamsPerSecond,
        double tokensPerSecond, Map<String, Summary> ttft, Map<String, Long> errors) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
