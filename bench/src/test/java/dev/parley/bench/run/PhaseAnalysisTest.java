package dev.parley.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.LoadResult;
import dev.parley.bench.load.Outcome;
import dev.parley.bench.report.PhaseSummary;

class PhaseAnalysisTest {

    private static final long MS = 1_000_000;

    @Test
    void summarizesTtftPerApiThroughputAndErrorsOfTheWindow() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            outcomes.add(new Outcome(i % 2 == 0 ? Api.NATIVE : Api.OPENAI, 0, i * MS, 100 * MS, 20, null));
        }
        outcomes.add(new Outcome(Api.NATIVE, 0, 0, 5 * MS, 0, "http 503 urn:parley:problem:unavailable"));
        outcomes.add(new Outcome(Api.OPENAI, 0, 0, 5 * MS, 0, "http 503 urn:parley:problem:unavailable"));

        PhaseSummary summary = PhaseAnalysis.summarize(new LoadResult(outcomes, 0, 2_000 * MS));

        assertThat(summary.requests()).isEqualTo(12);
        assertThat(summary.completed()).isEqualTo(10);
        assertThat(summary.streamsPerSecond()).isEqualTo(5.0);
        assertThat(summary.tokensPerSecond()).isEqualTo(100.0);
        assertThat(summary.ttft()).containsOnlyKeys("all", "native", "openai");
        assertThat(summary.ttft().get("all").p50()).isEqualTo(5.0);
        assertThat(summary.ttft().get("native").p50()).isEqualTo(6.0);
        assertThat(summary.errors()).containsExactly(Map.entry("http 503 urn:parley:problem:unavailable", 2L));
    }

    @Test
    void addedTtftIsParleysPercentileMinusTheDirectOne() {
        PhaseSummary direct = PhaseAnalysis.summarize(new LoadResult(
                List.of(new Outcome(Api.DIRECT, 0, MS, 10 * MS, 20, null)), 0, 1000 * MS));
        PhaseSummary parley = PhaseAnalysis.summarize(new LoadResult(
                List.of(new Outcome(Api.OPENAI, 0, 4 * MS, 10 * MS, 20, null)), 0, 1000 * MS));

        var added = PhaseAnalysis.addedTtft(parley, direct);

        assertThat(added.get("all")).containsEntry("p50", 3.0).containsEntry("p99", 3.0);
        assertThat(added.get("openai")).containsEntry("p90", 3.0);
    }

    @Test
    void noDirectSamplesMeanNoAddedTtft() {
        PhaseSummary empty = PhaseAnalysis.summarize(new LoadResult(List.of(), 0, MS));
        PhaseSummary parley = PhaseAnalysis.summarize(new LoadResult(
                List.of(new Outcome(Api.OPENAI, 0, 4 * MS, 10 * MS, 20, null)), 0, 1000 * MS));

        assertThat(PhaseAnalysis.addedTtft(parley, empty)).isEmpty();
    }
}
