package dev.parley.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.bench.measure.Percentiles;
import dev.parley.bench.profile.Overrides;
import dev.parley.bench.profile.Profiles;

class ReportWriterTest {

    @TempDir
    Path results;

    @Test
    void writesJsonMarkdownPlotsAndLatestWithLinksIntoTheRunFolder() throws IOException {
        BenchReport report = new BenchReport("quiet-1", "2026-12-06T02:00:00Z", "abc123", "2 cores", "busy machine",
                List.of(run("a", 1, 2.0), run("b", 100, 40.0)));
        Path folder = results.resolve("quiet-1");

        ReportWriter.write(report, folder, results.resolve("latest.md"));

        assertThat(folder.resolve("results.json")).content().contains("\"name\" : \"quiet-1\"", "\"concurrency\" : 100");
        String markdown = Files.readString(folder.resolve("results.md"));
        assertThat(markdown).contains("> busy machine", "| a | 1 |", "| b | 100 |", "](concurrency.png)",
                "MongoDB commands per stream: api-ingress 3.00 (messages 2.00, users 1.00)",
                "Debit lag: p50 40.0 ms", "| launcher (kafka+mongo) | 1.50 |");
        assertThat(Files.readString(results.resolve("latest.md"))).contains("](quiet-1/concurrency.png)",
                "](quiet-1/ttft-b.png)");
        assertThat(folder.resolve("concurrency.png")).isNotEmptyFile();
        assertThat(folder.resolve("ttft-a.png")).isNotEmptyFile();
    }

    @Test
    void theSummaryRowShowsAddedTtftErrorsAndCpu() {
        String row = MarkdownReport.summaryRow(run("b", 100, 40.0));

        assertThat(row).startsWith("| b | 100 | 50.0 (60.0) | 1000 | 5.0 / 9.0 / 10.0 | 4.0 / 8.0 / 9.0 | 1 of 11 |");
    }

    private static RunResult run(String profile, int concurrency, double lagMillis) {
        var spec = Profiles.runs(profile, Overrides.NONE).getFirst();
        var ttft = Percentiles.summarize(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        var parley = new PhaseSummary(10, 11, 500, 50, 1000, Map.of("all", ttft), Map.of("http 503", 1L));
        var direct = new PhaseSummary(5, 300, 300, 60, 1200,
                Map.of("all", Percentiles.summarize(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1})), Map.of());
        return new RunResult(spec, direct, parley, Map.of("all", Map.of("p50", 4.0, "p90", 8.0, "p99", 9.0)),
                List.of(new ProcessCost("launcher (kafka+mongo)", 1, 1.5, 0.2, 3.0, 400, 450)), List.of(),
                Map.of("api-ingress", new java.util.TreeMap<>(Map.of("users", 1.0, "messages", 2.0))), Map.of(), Map.of(),
                new LatencyDigest("probe", 10, lagMillis, lagMillis * 2), "",
                Map.of("parley", new double[] {1, 2, 3, 10}, "direct", new double[] {0.5, 0.6}));
    }
}
