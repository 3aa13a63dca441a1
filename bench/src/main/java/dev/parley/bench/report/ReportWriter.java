package dev.parley.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code results.json}, {@code results.md} and the PNG plots into a run's folder, and copies the Markdown to
 * {@code bench/results/latest.md} with the plots' links pointing into that folder.
 */
public final class ReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {
    }

    public static void write(BenchReport report, Path folder, Path latest) throws IOException {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve("results.json").toFile(), report);
        StringBuilder plots = new StringBuilder("\n## Plots\n\n");
        if (!report.runs().isEmpty()) {
            // the peak sweep, when there is one, compares like with like: same stream shape, rising C
            List<RunResult> peak = report.runs().stream().filter(r -> r.spec().profile().equals("d")).toList();
            Plots.againstConcurrency(peak.size() >= 2 ? peak : report.runs(), folder.resolve("concurrency.png"));
            plots.append("![throughput and TTFT against concurrency](concurrency.png)\n\n");
        }
        for (RunResult run : report.runs()) {
            String file = "ttft-" + run.spec().name() + ".png";
            Plots.ttftDistribution(run, folder.resolve(file));
            plots.append("![TTFT distribution of ").append(run.spec().name()).append("](").append(file).append(")\n");
        }
        String markdown = MarkdownReport.render(report) + plots;
        Files.writeString(folder.resolve("results.md"), markdown);
        String relative = latest.getParent().relativize(folder).toString().replace('\\', '/');
        Files.writeString(latest, markdown.replaceAll("\\]\\(((?:ttft-|concurrency)[^)]*)\\)", "](" + relative + "/$1)"));
    }
}
