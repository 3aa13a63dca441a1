package dev.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.load.Api;
import dev.parley.bench.profile.Profiles;
import dev.parley.bench.profile.RunSpec;
import dev.parley.bench.report.BenchReport;
import dev.parley.bench.report.IdleMemory;
import dev.parley.bench.report.MarkdownReport;
import dev.parley.bench.report.ReportWriter;
import dev.parley.bench.report.RunResult;
import dev.parley.bench.run.BenchContext;
import dev.parley.bench.run.IdleExecutor;
import dev.parley.bench.run.RunExecutor;
import dev.parley.bench.stack.StackPorts;
import dev.parley.bench.stack.UpstreamProcess;

/**
 * One bench invocation: the mock upstream, the stack, the runs of the chosen profiles one after the other, and the
 * report after each run (so a failure or Ctrl-C keeps what was measured). Stops everything it started, always.
 */
final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private final BenchOptions options;
    private final Path repo;
    private final Path home;
    private final StackPorts ports;
    private final Map<String, String> stackEnvironment;

    /** @param stackEnvironment more variables for ./parley up (the smoke test's quick start) */
    Bench(BenchOptions options, Path repo, Path home, StackPorts ports, Map<String, String> stackEnvironment) {
        this.options = options;
        this.repo = repo;
        this.home = home;
        this.ports = ports;
        this.stackEnvironment = Map.copyOf(stackEnvironment);
    }

    BenchReport run() throws InterruptedException {
        List<RunSpec> specs = options.profiles().stream()
                .flatMap(p -> Profiles.runs(p, options.overrides()).stream()).toList();
        boolean idle = options.profiles().contains(Profiles.IDLE);
        // the idle profile spreads its native streams over the users: each may hold only so many open
        int users = Math.max(idle ? Profiles.MANY_KEYS : 1, specs.stream().mapToInt(RunSpec::keys).max().orElse(1));
        String name = options.name() != null ? options.name()
                : DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        Path folder = options.output().resolve(name);
        String started = java.time.Instant.now().toString();
        String machine = Machine.describe();
        String commit = Machine.commit(repo);
        wipe(home);
        List<RunResult> results = new ArrayList<>();
        List<IdleMemory> idleResults = new ArrayList<>();
        try (UpstreamProcess upstream = UpstreamProcess.start(ports.upstream(), home.resolve("logs/upstream.log"));
                BenchContext context = new BenchContext(repo, home, ports, upstream, stackEnvironment)) {
            RunExecutor executor = new RunExecutor(context);
            for (RunSpec spec : specs) {
                log.info("\nRun {}: {}", spec.name(), spec.description());
                prepare(spec, context, executor, users); // a stack that does not start ends the bench
                try {
                    results.add(executor.execute(spec));
                } catch (RuntimeException e) {
                    // the next run starts the stack again if this one left it broken
                    log.error("Run {} failed: {}", spec.name(), e.toString());
                    continue;
                }
                write(new BenchReport(name, started, commit, machine, options.caveat(), results), folder);
                log.info(MarkdownReport.summaryRow(results.getLast()).strip());
            }
            if (idle) {
                idleResults.addAll(idle(context, users));
                write(new BenchReport(name, started, commit, machine, options.caveat(), results, idleResults),
                        folder);
            }
        }
        log.info("\nResults: {}", folder);
        return new BenchReport(name, started, commit, machine, options.caveat(), results, idleResults);
    }

    private List<IdleMemory> idle(BenchContext context, int users) throws InterruptedException {
        log.info("\nRun idle: {} open, silent streams of each API through api-ingress, its heap after GC and RSS",
                options.idleStreams());
        if (context.ensure(1, 1, users)) {
            log.info("Warming the stack up...");
            new RunExecutor(context).warmUp(java.time.Duration.ZERO); // memory, not speed: no JIT warm-up
        }
        try {
            List<IdleMemory> measured = new IdleExecutor(context).execute(options.idleStreams(),
                    options.overrides().apis() == null ? EnumSet.of(Api.NATIVE, Api.OPENAI)
                            : options.overrides().apis());
            measured.forEach(m -> log.info(MarkdownReport.idleRow(m).strip()));
            return measured;
        } catch (RuntimeException e) {
            log.error("Run idle failed: {}", e.toString());
            return List.of();
        }
    }

    private void prepare(RunSpec spec, BenchContext context, RunExecutor executor, int users)
            throws InterruptedException {
        if (context.ensure(spec.ingress(), spec.workers(), users)) {
            log.info("Warming the stack up...");
            executor.warmUp(options.jitWarmup());
        }
        if (spec.preload()) {
            preload(context);
        }
    }

    private void preload(BenchContext context) {
        if (context.preloaded()) {
            return;
        }
        log.info("Preloading {} messages and {} ledger entries into MongoDB...", options.preloadMessages(),
                options.preloadLedger());
        long started = System.nanoTime();
        String loaded = context.preload(options.preloadMessages(), options.preloadLedger());
        log.info("  {} in {} s", loaded, (System.nanoTime() - started) / 1_000_000_000);
    }

    private void write(BenchReport report, Path folder) {
        try {
            ReportWriter.write(report, folder, options.output().resolve("latest.md"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + folder, e);
        }
    }

    // The bench's stack starts from nothing each time: its own folder under PARLEY_HOME, never PARLEY_HOME itself.
    private static void wipe(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + home, e);
        }
    }
}
