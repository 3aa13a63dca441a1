package dev.parley.bench.report;

import java.util.List;

/**
 * A bench invocation's results.
 *
 * @param machine what it ran on (cores, memory, load when it started, JDK), and the caveat to read them with
 * @param commit  the git commit measured
 */
public record BenchReport(String name, String startedAt, String commit, String machine, String caveat,
        List<RunResult> runs) {
}
