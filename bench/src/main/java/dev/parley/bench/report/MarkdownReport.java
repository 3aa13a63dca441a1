package dev.parley.bench.report;

import java.util.Map;
import java.util.stream.Collectors;

import dev.parley.bench.measure.Percentiles.Summary;

/** The Markdown table of a bench invocation: one summary row per run, then each run's details. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Parley bench: ").append(report.name()).append("\n\n");
        md.append("Commit `").append(report.commit()).append("`, started ").append(report.startedAt()).append(". ")
                .append(report.machine()).append("\n\n");
        if (!report.caveat().isBlank()) {
            md.append("> ").append(report.caveat()).append("\n\n");
        }
        md.append("| run | C | streams/s (direct) | tokens/s | TTFT p50 / p90 / p99 ms | added TTFT p50 / p90 / p99 ms"
                + " | errors | CPU ms/stream (all processes) | debit lag p50 / p99 ms |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        report.runs().forEach(run -> md.append(summaryRow(run)));
        md.append("\nAdded TTFT: Parley's percentile minus the direct phase's (the same upstream, clients and think "
                + "time, called without Parley just before). CPU: utime+stime of every process over the measured "
                + "window divided by the streams completed in it.\n");
        report.runs().forEach(run -> md.append(details(run)));
        if (!report.idle().isEmpty()) {
            md.append(idle(report.idle()));
        }
        return md.toString();
    }

    public static String idleRow(IdleMemory idle) {
        long[] heap = idle.heapBytes();
        long[] rss = idle.rssKb();
        return "| %s | %d of %d | **%s** | %s | %s | %s / %s / %s | %s / %s / %s |%n".formatted(idle.api(),
                idle.open(), idle.requested(), Fmt.num(idle.heapKbPerStream()), Fmt.num(idle.heapKbPerStreamFromNone()),
                Fmt.num(idle.rssKbPerStream()), mb(heap[0]), mb(heap[1]), mb(heap[2]), mb(rss[0] * 1024),
                mb(rss[1] * 1024), mb(rss[2] * 1024));
    }

    private static String idle(java.util.List<IdleMemory> idle) {
        StringBuilder md = new StringBuilder("\n## idle: memory per open, silent stream in api-ingress\n\n");
        md.append("Streams opened through the first api-ingress and left open while the upstream holds their first "
                + "token back; its heap after a full GC (`jcmd GC.class_histogram`) and VmRSS with none, half and all "
                + "of them open. Per stream: the growth from half to all over the streams opened in between (the "
                + "first ones reuse what the server kept of earlier connections); \"from none\" divides the growth from "
                + "none open by all of them.\n\n");
        md.append("| API | open | heap KB/stream | heap KB/stream from none | RSS KB/stream | heap MB none / half / all"
                + " | RSS MB none / half / all |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        idle.forEach(i -> md.append(idleRow(i)));
        for (IdleMemory i : idle) {
            md.append("\nWhat grew per ").append(i.api()).append(" stream (half to all):\n\n")
                    .append("| class | instances/stream | bytes/stream |\n| --- | ---: | ---: |\n");
            i.topClasses().forEach(c -> md.append("| `%s` | %s | %.0f |%n".formatted(c.className(),
                    Fmt.two(c.instancesPerStream()), c.bytesPerStream())));
        }
        return md.toString();
    }

    private static String mb(long bytes) {
        return Fmt.num(bytes / (1024.0 * 1024));
    }

    public static String summaryRow(RunResult run) {
        Summary ttft = known(run.parley().ttft().getOrDefault("all", Summary.EMPTY));
        Map<String, Double> added = run.addedTtft().getOrDefault("all", Map.of());
        return "| %s | %d | %s (%s) | %s | %s / %s / %s | %s / %s / %s | %d of %d | %s | %s / %s |%n".formatted(
                run.spec().name(), run.spec().concurrency(), Fmt.num(run.parley().streamsPerSecond()),
                Fmt.num(run.direct().streamsPerSecond()), Fmt.num(run.parley().tokensPerSecond()),
                Fmt.ms(ttft.p50()), Fmt.ms(ttft.p90()), Fmt.ms(ttft.p99()),
                Fmt.ms(added.getOrDefault("p50", Double.NaN)), Fmt.ms(added.getOrDefault("p90", Double.NaN)),
                Fmt.ms(added.getOrDefault("p99", Double.NaN)), run.parley().errorCount(), run.parley().requests(),
                Fmt.two(run.totalCpuMillisPerStream()), Fmt.ms(run.debitLag().p50()), Fmt.ms(run.debitLag().p99()));
    }

    private static String details(RunResult run) {
        StringBuilder md = new StringBuilder("\n## ").append(run.spec().name()).append(": ")
                .append(run.spec().description()).append("\n\n");
        var spec = run.spec();
        md.append(("C=%d, %d deltas x %d ms (first token +%d ms), think time 0-%d ms, %d key(s), APIs %s, %d api-ingress,"
                + " %d llm-worker; Parley window %.1f s, direct window %.1f s.%n%n").formatted(spec.concurrency(),
                spec.shape().deltas(), spec.shape().delayMillis(), spec.shape().firstTokenDelayMillis(),
                spec.jitter().toMillis(), spec.keys(), spec.apis(), spec.ingress(), spec.workers(),
                run.parley().windowSeconds(), run.direct().windowSeconds()));
        if (!run.note().isBlank()) {
            md.append("**").append(run.note()).append("**\n\n");
        }
        md.append("| TTFT ms | n | p50 | p90 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        run.parley().ttft().forEach((api, s) -> md.append(ttftRow("parley " + api, s)));
        md.append(ttftRow("direct", run.direct().ttft().getOrDefault("all", Summary.EMPTY)));
        md.append("\nErrors: ").append(run.parley().errors().isEmpty() ? "none"
                : run.parley().errors().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                        .collect(Collectors.joining(", ")));
        if (run.direct().errorCount() > 0) {
            md.append(" (direct phase: ").append(run.direct().errors()).append(")");
        }
        md.append("\n\n| process | CPU s | of it JIT compiling s | CPU ms/stream | RSS MB | peak RSS MB |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
        run.processes().forEach(p -> md.append("| %s | %s | %s | %s | %.0f | %.0f |%n".formatted(p.name(),
                Fmt.two(p.cpuSeconds()), Fmt.two(p.jitSeconds()), Fmt.two(p.cpuMillisPerStream()), p.rssMb(),
                p.peakRssMb())));
        md.append("| **all** | | | **").append(Fmt.two(run.totalCpuMillisPerStream())).append("** | | |\n");
        if (!run.directProcesses().isEmpty()) {
            md.append("\nDirect phase (%.1f streams/s): ".formatted(run.direct().streamsPerSecond()))
                    .append(run.directProcesses().stream().map(p -> "%s %s ms CPU per stream, %.0f MB".formatted(
                            p.name(), Fmt.two(p.cpuMillisPerStream()), p.rssMb())).collect(Collectors.joining("; ")))
                    .append(".\n");
        }
        md.append("\nMongoDB commands per stream: ");
        md.append(run.mongoPerRequest().isEmpty() ? "none" : run.mongoPerRequest().entrySet().stream()
                .map(e -> "%s %s (%s)".formatted(e.getKey(), Fmt.two(run.mongoCommandsPerRequest(e.getKey())),
                        e.getValue().entrySet().stream().map(c -> c.getKey() + " " + Fmt.two(c.getValue()))
                                .collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; ")));
        md.append("\n\nDebit lag: p50 ").append(Fmt.ms(run.debitLag().p50())).append(" ms, p99 ")
                .append(Fmt.ms(run.debitLag().p99())).append(" ms over ").append(run.debitLag().samples())
                .append(" samples, by ").append(run.debitLag().method()).append(".\n");
        if (!run.stages().isEmpty()) {
            md.append("\n| stage metric | n | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n");
            run.stages().forEach((name, s) -> md.append("| %s | %d | %s | %s |%n".formatted(name, s.samples(),
                    Fmt.ms(s.p50()), Fmt.ms(s.p99()))));
        }
        return md.toString();
    }

    // No samples: dashes rather than zeros that read like a measurement.
    private static Summary known(Summary summary) {
        return summary.count() > 0 ? summary
                : new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static String ttftRow(String label, Summary summary) {
        Summary s = known(summary);
        return "| %s | %d | %s | %s | %s | %s |%n".formatted(label, s.count(), Fmt.ms(s.p50()), Fmt.ms(s.p90()),
                Fmt.ms(s.p99()), Fmt.ms(s.max()));
    }
}
