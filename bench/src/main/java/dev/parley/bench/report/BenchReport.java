package dev.parley.bench.report;

import java.util.List;

/**
 * A bench invocation's results.
 *
 * @param machine what it ran on (cores, memory, load when it started, JDK), and the caveat to read them with
 * @param commit  the git commit measured
 * @param idle    the idle profile's memory per open stream, by API (empty without it)
 */
public record BenchReport(String name, String startedAt, String commit, String machine, String caveat,
        List<RunResult> runs, List<IdleMemory> idle) {

    public BenchReport(String name, String startedAt, String commit, String machine, String caveat,
            List<RunResult> runs) {
        this(name, startedAt, commit, machine, caveat, runs, List.of());
    }
}
