package dev.parley.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.bench.measure.MetricDeltas;
import dev.parley.bench.measure.PrometheusText.Sample;
import dev.parley.bench.profile.RunSpec;
import dev.parley.bench.report.LatencyDigest;
import dev.parley.bench.report.PhaseSummary;
import dev.parley.bench.report.RunResult;

/** Builds a {@link RunResult} from the two phases' raw measurements. */
final class RunAssembly {

    private RunAssembly() {
    }

    static RunResult assemble(RunSpec spec, RunExecutor.Phase direct, RunExecutor.Phase parley, String note) {
        PhaseSummary directSummary = PhaseAnalysis.summarize(direct.load());
        PhaseSummary parleySummary = PhaseAnalysis.summarize(parley.load());
        long streams = parleySummary.completed();
        Map<String, LatencyDigest> stages = stages(parley.before(), parley.after());
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("parley", PhaseAnalysis.ttftMillis(parley.load().outcomes(), null));
        samples.put("direct", PhaseAnalysis.ttftMillis(direct.load().outcomes(), null));
        return new RunResult(spec, directSummary, parleySummary, PhaseAnalysis.addedTtft(parleySummary, directSummary),
                RunExecutor.costs(parley.usage(), streams), RunExecutor.costs(direct.usage(),
                        directSummary.completed()),
                RunExecutor.perRequest(mongo(parley.before(), parley.after(), false), streams),
                RunExecutor.perRequest(mongo(parley.before(), parley.after(), true), streams), stages,
                RunExecutor.debitLag(stages, parley.probedLags()), note, samples);
    }

    /** MongoDB commands in the window by service (instances summed) and collection. */
    static Map<String, Map<String, Double>> mongo(Map<String, List<Sample>> before, Map<String, List<Sample>> after,
            boolean byCommand) {
        Map<String, Map<String, Double>> totals = new TreeMap<>();
        after.forEach((instance, samples) -> {
            var deltas = new MetricDeltas(before.getOrDefault(instance, List.of()), samples).mongoCommands(byCommand);
            if (!deltas.isEmpty()) {
                Map<String, Double> service = totals.computeIfAbsent(Scrapes.service(instance), s -> new TreeMap<>());
                deltas.forEach((key, count) -> service.merge(key, count, Double::sum));
            }
        });
        return totals;
    }

    /** Every {@code parley_*} latency histogram of the services over the window (instances summed), in ms. */
    static Map<String, LatencyDigest> stages(Map<String, List<Sample>> before, Map<String, List<Sample>> after) {
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        after.forEach((instance, samples) -> {
            var deltas = new MetricDeltas(before.getOrDefault(instance, List.of()), samples);
            deltas.histograms().stream().filter(name -> name.startsWith("parley_") && name.endsWith("_seconds"))
                    .forEach(name -> deltas.bucketDeltas(name).forEach((le, count) ->
                            buckets.computeIfAbsent(name, n -> new TreeMap<>()).merge(le, count, Double::sum)));
        });
        Map<String, LatencyDigest> stages = new TreeMap<>();
        buckets.forEach((name, cumulative) -> {
            double count = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
            if (count > 0) {
                stages.put(name, new LatencyDigest("histogram", (long) count,
                        MetricDeltas.quantile(cumulative, 0.50).orElse(0.0) * 1000,
                        MetricDeltas.quantile(cumulative, 0.99).orElse(0.0) * 1000));
            }
        });
        return stages;
    }
}
