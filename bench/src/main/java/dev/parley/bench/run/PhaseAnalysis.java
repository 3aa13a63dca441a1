package dev.parley.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.bench.load.LoadResult;
import dev.parley.bench.load.Outcome;
import dev.parley.bench.measure.Percentiles;
import dev.parley.bench.measure.Percentiles.Summary;
import dev.parley.bench.report.PhaseSummary;

/** Turns the outcomes of a phase into its summary, and two phases into the TTFT Parley adds. */
final class PhaseAnalysis {

    static final String ALL = "all";

    private PhaseAnalysis() {
    }

    static PhaseSummary summarize(LoadResult result) {
        Map<String, Summary> ttft = new LinkedHashMap<>();
        ttft.put(ALL, Percentiles.summarize(ttftMillis(result.outcomes(), null)));
        result.outcomes().stream().map(o -> o.api().name().toLowerCase(Locale.ROOT)).distinct().sorted()
                .forEach(api -> ttft.put(api, Percentiles.summarize(ttftMillis(result.outcomes(), api))));
        Map<String, Long> errors = new TreeMap<>();
        result.outcomes().stream().filter(o -> !o.ok()).forEach(o -> errors.merge(o.error(), 1L, Long::sum));
        double seconds = Math.max(result.windowSeconds(), 1e-9);
        return new PhaseSummary(result.windowSeconds(), result.outcomes().size(), result.completedInWindow(),
                result.completedInWindow() / seconds, result.tokensInWindow() / seconds, ttft, errors);
    }

    /** TTFT of the streams that delivered a first token ({@code api} null: all of them). */
    static double[] ttftMillis(List<Outcome> outcomes, String api) {
        return outcomes.stream().filter(Outcome::hasFirstToken)
                .filter(o -> api == null || o.api().name().toLowerCase(Locale.ROOT).equals(api))
                .mapToDouble(Outcome::ttftMillis).toArray();
    }

    /**
     * Parley's TTFT percentiles minus the direct phase's, per Parley API and for all: what Parley adds to the first
     * token of the same upstream under the same load.
     */
    static Map<String, Map<String, Double>> addedTtft(PhaseSummary parley, PhaseSummary direct) {
        Summary baseline = direct.ttft().getOrDefault(ALL, Summary.EMPTY);
        Map<String, Map<String, Double>> added = new LinkedHashMap<>();
        parley.ttft().forEach((api, summary) -> {
            if (summary.count() > 0 && baseline.count() > 0) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("p50", summary.p50() - baseline.p50());
                values.put("p90", summary.p90() - baseline.p90());
                values.put("p99", summary.p99() - baseline.p99());
                added.put(api, values);
            }
        });
        return added;
    }
}
